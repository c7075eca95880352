package io.plantspy.webhooks.endpoint;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code /api/v1/webhooks}: a user's subscriptions. */
@RestController
@RequestMapping(EndpointController.PATH)
@Tag(name = "Subscriptions", description = "Your endpoints and the events they receive")
@ApiResponse(responseCode = "401", description = "no valid realm token")
@ApiResponse(responseCode = "503", description = "the realm's keys or the store are unreachable; retry after Retry-After")
public class EndpointController {

  public static final String PATH = "/api/v1/webhooks";

  private final EndpointService endpoints;

  public EndpointController(EndpointService endpoints) {
    this.endpoints = endpoints;
  }

  /** 201 with the secret, which is never shown again (a rotation makes a new one). */
  @PostMapping
  @Operation(summary = "Subscribe an endpoint to events",
      description = "The URL must be public (https in production); model.promoted needs the role admin. The answer "
          + "holds the signing secret (whsec_...), shown this once.")
  @ApiResponse(responseCode = "201", description = "subscribed; Location names the endpoint")
  @ApiResponse(responseCode = "400", description = "invalid URL, refused address or unknown event type")
  @ApiResponse(responseCode = "403", description = "an event type your roles do not allow")
  Mono<ResponseEntity<SecretView>> subscribe(Authentication caller, @Valid @RequestBody SubscriptionRequest request) {
    return endpoints.subscribe(caller, request).map(e -> ResponseEntity
        .created(URI.create(PATH + "/" + e.id())).body(SecretView.of(e)));
  }

  /** 201 on the first call, 200 with a rotated secret afterwards; the secret is shown only in this answer. */
  @PostMapping("/callback-secret")
  @Operation(summary = "Your callback secret, for diagnosis requests that name a callbackUrl",
      description = "A diagnosis request may name a one-off callbackUrl; its answer (diagnosis.completed or "
          + "diagnosis.failed) is delivered there once, signed with this secret, with the answers your roles allow."
          + " The first call creates your callbacks endpoint (listed with the others, with its deliveries), later "
          + "calls rotate its secret (the old one keeps signing for 24 hours). Until it exists, callbackUrls of "
          + "your requests are not called.")
  @ApiResponse(responseCode = "201", description = "created; the secret, shown this once")
  @ApiResponse(responseCode = "200", description = "rotated; the new secret, shown this once")
  Mono<ResponseEntity<SecretView>> callbackSecret(Authentication caller) {
    return endpoints.callbacks(caller).map(made -> made.created()
        ? ResponseEntity.created(URI.create(PATH + "/" + made.endpoint().id())).body(SecretView.of(made.endpoint()))
        : ResponseEntity.ok(SecretView.of(made.endpoint())));
  }

  @GetMapping
  @Operation(summary = "Your endpoints (secrets are never listed)")
  @ApiResponse(responseCode = "200", description = "your endpoints")
  Flux<EndpointView> list(Authentication caller) {
    return endpoints.list(caller).map(EndpointView::of);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One of your endpoints, with why it was disabled if it was")
  @ApiResponse(responseCode = "200", description = "the endpoint")
  @ApiResponse(responseCode = "404", description = "no endpoint of yours has this id")
  Mono<EndpointView> get(Authentication caller, @PathVariable String id) {
    return endpoints.get(caller, id).map(EndpointView::of);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Unsubscribe: pending deliveries to it are cancelled")
  @ApiResponse(responseCode = "204", description = "deleted")
  @ApiResponse(responseCode = "404", description = "no endpoint of yours has this id")
  Mono<Void> delete(Authentication caller, @PathVariable String id) {
    return endpoints.delete(caller, id);
  }

  @PostMapping("/{id}/rotate-secret")
  @Operation(summary = "A new signing secret",
      description = "For 24 hours deliveries carry two signatures, one per secret, so the receiver can switch over.")
  @ApiResponse(responseCode = "200", description = "the new secret, shown this once")
  @ApiResponse(responseCode = "404", description = "no endpoint of yours has this id")
  Mono<SecretView> rotate(Authentication caller, @PathVariable String id) {
    return endpoints.rotate(caller, id).map(SecretView::of);
  }
}
