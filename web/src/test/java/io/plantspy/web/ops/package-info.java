/** Tests of the web app's operational endpoints (actuator), through the whole application context. */
package io.plantspy.web.ops;
