/** The page language: the browser's (Accept-Language) until the header's switch sets a cookie. Depends on nothing. */
package io.plantspy.web.i18n;
