package io.plantspy.webhooks.delivery;

import io.plantspy.webhooks.endpoint.EndpointController;
import io.plantspy.webhooks.endpoint.EndpointStore;
import io.plantspy.webhooks.endpoint.WebhookEndpoint;
import io.plantspy.webhooks.problem.WebhookProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Deliveries", description = "What was sent to one of your endpoints, and when it will be tried again")
@ApiResponse(responseCode = "401", description = "no valid realm token")
@ApiResponse(responseCode = "404", description = "no endpoint (or delivery) of yours has this id")
@ApiResponse(responseCode = "503", description = "the realm's keys or the store are unreachable; retry after Retry-After")
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
  @Operation(summary = "Deliveries to the endpoint, newest first: attempts with status code, latency, next retry")
  @ApiResponse(responseCode = "200", description = "the deliveries")
  @ApiResponse(responseCode = "400", description = "limit outside 1..500")
  Flux<DeliveryView> list(Authentication caller, @PathVariable String endpointId,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
    return owned(caller, endpointId).flatMapMany(e -> deliveries.forEndpoint(e.id(), limit)).map(DeliveryView::of);
  }

  @GetMapping("/{deliveryId}")
  @Operation(summary = "One delivery with its attempts")
  @ApiResponse(responseCode = "200", description = "the delivery")
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
  @Operation(summary = "Send a delivered, failed or cancelled delivery once more, now")
  @ApiResponse(responseCode = "202", description = "queued for one more attempt")
  @ApiResponse(responseCode = "409", description = "still being attempted, or the endpoint is disabled")
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
