/** Typed problem JSON for the API's refusals. Depends on nothing of this service. */
package io.plantspy.feeds.gateway.problem;
