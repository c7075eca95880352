/** Cross-cutting beans: the clock every feature reads time from (tests move it), the MongoDB health check. */
package io.plantspy.webhooks.config;
