package io.plantspy.ingest.kafka;

import io.plantspy.schemas.DiagnosisRequest;
import java.util.concurrent.CompletableFuture;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
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
    return Mono.just(request)
        // send() can block on metadata for up to max.block.ms, which must not happen on an event-loop thread.
        .publishOn(Schedulers.boundedElastic())
        // handle() puts the request's observation from the Reactor context on this thread (context propagation
        // "limited"), so the template's own observation continues the caller's trace into the record's traceparent.
        .<CompletableFuture<SendResult<String, DiagnosisRequest>>>handle(
            (r, sink) -> sink.next(template.sendDefault(r.getId(), r)))
        .flatMap(Mono::fromFuture)
        .then();
  }
}
