/** The start page and the app-wide handling of API errors. Depends on {@code api}. */
package io.plantspy.web.home;
