/**
 * RFC 9457 problem details: the {@code ApiProblem} exception every feature throws for a client-visible error, the
 * handlers that write it as {@code application/problem+json}, and the one mapping of backing-service outages
 * (MongoDB, Kafka) to 503 with {@code Retry-After}. Depends only on {@code config} and the drivers' exception types.
 */
package io.plantspy.ingest.problem;
