/** RFC 9457 problem answers thrown by handlers (WebFlux renders them); depends on Spring Web only. */
package io.plantspy.webhooks.problem;
