/** RFC 9457 problem JSON for every error a controller raises. Depends on Spring MVC only. */
package io.plantspy.trainerservice.problem;
