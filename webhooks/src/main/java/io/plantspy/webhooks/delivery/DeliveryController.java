package io.plantspy.webhooks.delivery;

import io.plantspy.webhooks.endpoint.EndpointController;
import io.plantspy.webhooks.endpoint.EndpointStore;
import io.plantspy.webhooks.endpoint.WebhookEndpoint;
import io.plantspy.webhooks.problem.WebhookProblem;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code /api/v1/webhooks/{id}/deliveries}: what was sent to one of the caller's endpoints, and manual retries. */
@RestController
@RequestMapping(EndpointController.PATH + "/{endpointId}/deliveries")
public class DeliveryController {

  private final EndpointStore endpoints;
  private final DeliveryStore deliveries;
  private final DeliveryWorker worker;
  private final DeliveryProperties props;
  private final Clock clock;

  public DeliveryController(EndpointStore endpoints, DeliveryStore deliveries, DeliveryWorker worker,
      DeliveryProperties props, Clock clock) {
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.worker = worker;
    this.props = props;
    this.clock = clock;
  }

  /** Newest first. */
  @GetMapping
  Flux<DeliveryView> list(Authentication caller, @PathVariable String endpointId,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
    return owned(caller, endpointId).flatMapMany(e -> deliveries.forEndpoint(e.id(), limit)).map(DeliveryView::of);
  }

  @GetMapping("/{deliveryId}")
  Mono<DeliveryView> get(Authentication caller, @PathVariable String endpointId, @PathVariable String deliveryId) {
    return owned(caller, endpointId).flatMap(e -> deliveries.byId(e.id(), deliveryId))
        .switchIfEmpty(Mono.error(() -> WebhookProblem.notFound("delivery " + deliveryId)))
        .map(DeliveryView::of);
  }

  /**
   * One more attempt now for a delivered, failed or cancelled delivery (202); 409 while it is still pending or
   * its endpoint is disabled.
   */
  @PostMapping("/{deliveryId}/retry")
  Mono<ResponseEntity<DeliveryView>> retry(Authentication caller, @PathVariable String endpointId,
      @PathVariable String deliveryId) {
    return owned(caller, endpointId)
        .flatMap(endpoint -> {
          if (!endpoint.enabled()) {
            return Mono.error(new WebhookProblem(HttpStatus.CONFLICT, "endpoint-disabled", "Endpoint disabled",
                "webhook " + endpointId + " is disabled: " + endpoint.disabledReason()));
          }
          return deliveries.byId(endpoint.id(), deliveryId)
              .switchIfEmpty(Mono.error(() -> WebhookProblem.notFound("delivery " + deliveryId)))
              .flatMap(found -> deliveries.retry(endpoint.id(), deliveryId, props.schedule().size() - 1,
                  clock.instant()))
              .switchIfEmpty(Mono.error(() -> new WebhookProblem(HttpStatus.CONFLICT, "delivery-pending",
                  "Delivery pending", "delivery " + deliveryId + " is still being attempted")));
        })
        .doOnNext(queued -> worker.wake())
        .map(queued -> ResponseEntity.accepted().body(DeliveryView.of(queued)));
  }

  private Mono<WebhookEndpoint> owned(Authentication caller, String endpointId) {
    return endpoints.owned(endpointId, caller.getName())
        .switchIfEmpty(Mono.error(() -> WebhookProblem.notFound("webhook " + endpointId)));
  }
}
