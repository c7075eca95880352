/**
 * RFC 9457 problem details: the {@code ApiProblem} exception every feature throws for a client-visible error,
 * and the handlers that write it as {@code application/problem+json}. Depends on nothing else in the API.
 */
package io.plantspy.ingest.problem;
