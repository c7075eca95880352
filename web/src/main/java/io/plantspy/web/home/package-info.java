/**
 * The start page, the app-wide handling of API errors and how figures and times are written on every page. Depends
 * on {@code api}.
 */
package io.plantspy.web.home;
