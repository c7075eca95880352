/**
 * The Kafka Streams topologies, interactive and bulk: decode requests, micro-batch them, run the classifier, write
 * one result per request or a dead letter; the bulk one also skips the items of cancelled jobs. Depends on the other
 * processor packages, the schemas and the model modules; not on Spring.
 */
package io.plantspy.processor.topology;
