/**
 * The Kafka Streams topology: decode requests, micro-batch them, run the classifier, write one result per request
 * or a dead letter. Depends on the other processor packages, the schemas and the model modules; not on Spring.
 */
package io.plantspy.processor.topology;
