package io.plantspy.ingest.kafka;

import io.plantspy.schemas.DiagnosisRequest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Publishes DiagnosisRequests to the requests topic, keyed by request id. */
@Component
public class RequestPublisher {

  private final KafkaTemplate<String, DiagnosisRequest> template;

  public RequestPublisher(KafkaTemplate<String, DiagnosisRequest> template) {
    this.template = template;
  }

  public Mono<Void> publish(DiagnosisRequest request) {
    // send() can block on metadata for up to max.block.ms, which must not happen on an event-loop thread.
    return Mono.fromFuture(() -> template.sendDefault(request.getId(), request))
        .subscribeOn(Schedulers.boundedElastic())
        .then();
  }
}
