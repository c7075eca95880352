/**
 * The web app's entry point. Its feature packages (diagnose, home) depend on {@code api} for the platform's APIs
 * and on {@code security} for who is signed in; {@code api} and {@code security} depend on nothing of the app.
 */
package io.plantspy.web;
