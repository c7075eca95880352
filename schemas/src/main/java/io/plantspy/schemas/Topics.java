package io.plantspy.schemas;

import org.apache.kafka.common.serialization.Serdes;

/**
 * Every PlantSpy topic with its key and value types. Keys are the record's id as a String; a result carries
 * its request's id, so requests and results are co-partitioned when both topics have the same partition count.
 *
 * @param dlq requests the stream processor gave up on, kept as the raw bytes it could not handle (possibly not
 *     Avro at all), which is what Kafka Streams' dead-letter-queue support writes
 * @param jobEvents terminal statuses of bulk jobs, key the job id
 */
public record Topics(
    Topic<String, DiagnosisRequest> requests,
    Topic<String, DiagnosisResult> results,
    Topic<String, byte[]> dlq,
    Topic<String, LabSample> labSamples,
    Topic<String, ModelRelease> modelReleases,
    Topic<String, JobEvent> jobEvents) {

  public static Topics from(TopicNames names, SchemaCatalog catalog) {
    return new Topics(
        new Topic<>(names.requests(), Serdes.String(),
            new AvroSerde<>(DiagnosisRequest.getClassSchema(), DiagnosisRequest.getEncoder(),
                DiagnosisRequest.createDecoder(catalog), catalog)),
        new Topic<>(names.results(), Serdes.String(),
            new AvroSerde<>(DiagnosisResult.getClassSchema(), DiagnosisResult.getEncoder(),
                DiagnosisResult.createDecoder(catalog), catalog)),
        new Topic<>(names.dlq(), Serdes.String(), Serdes.ByteArray()),
        new Topic<>(names.labSamples(), Serdes.String(),
            new AvroSerde<>(LabSample.getClassSchema(), LabSample.getEncoder(), LabSample.createDecoder(catalog),
                catalog)),
        new Topic<>(names.modelReleases(), Serdes.String(),
            new AvroSerde<>(ModelRelease.getClassSchema(), ModelRelease.getEncoder(),
                ModelRelease.createDecoder(catalog), catalog)),
        new Topic<>(TopicNames.JOB_EVENTS, Serdes.String(),
            new AvroSerde<>(JobEvent.getClassSchema(), JobEvent.getEncoder(), JobEvent.createDecoder(catalog),
                catalog)));
  }

  /** Items of bulk jobs: the requests' key and value types on a topic of their own. */
  public Topic<String, DiagnosisRequest> bulkRequests() {
    return new Topic<>(TopicNames.DIAGNOSIS_REQUESTS_BULK, requests.keySerde(), requests.valueSerde());
  }

  /** Results of bulk job items: the results' key and value types on a topic of their own. */
  public Topic<String, DiagnosisResult> bulkResults() {
    return new Topic<>(TopicNames.DIAGNOSIS_RESULTS_BULK, results.keySerde(), results.valueSerde());
  }

  /** Results of camera feed frames: the results' key and value types on a topic of their own. */
  public Topic<String, DiagnosisResult> feedResults() {
    return new Topic<>(TopicNames.DIAGNOSIS_RESULTS_FEED, results.keySerde(), results.valueSerde());
  }

  /** Cancelled jobs: key and value are the job id. */
  public Topic<String, String> jobCancellations() {
    return new Topic<>(TopicNames.JOB_CANCELLATIONS, Serdes.String(), Serdes.String());
  }

  /** The default topic names with the shipped schema catalog and no schema topic: for tests and tools. */
  public static Topics defaults() {
    return from(TopicNames.defaults(), SchemaCatalog.load());
  }
}
