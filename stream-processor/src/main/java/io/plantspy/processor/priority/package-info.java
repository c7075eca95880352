/**
 * Who goes first on the shared model: interactive batches always run, bulk batches wait while interactive work is
 * buffered or running in this process. Plain Java, no Kafka or Spring; the topology's batchers use it.
 */
package io.plantspy.processor.priority;
