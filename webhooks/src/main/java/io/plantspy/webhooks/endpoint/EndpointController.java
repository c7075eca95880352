package io.plantspy.webhooks.endpoint;

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
public class EndpointController {

  public static final String PATH = "/api/v1/webhooks";

  private final EndpointService endpoints;

  public EndpointController(EndpointService endpoints) {
    this.endpoints = endpoints;
  }

  /** 201 with the secret, which is never shown again (a rotation makes a new one). */
  @PostMapping
  Mono<ResponseEntity<SecretView>> subscribe(Authentication caller, @Valid @RequestBody SubscriptionRequest request) {
    return endpoints.subscribe(caller, request).map(e -> ResponseEntity
        .created(URI.create(PATH + "/" + e.id())).body(SecretView.of(e)));
  }

  @GetMapping
  Flux<EndpointView> list(Authentication caller) {
    return endpoints.list(caller).map(EndpointView::of);
  }

  @GetMapping("/{id}")
  Mono<EndpointView> get(Authentication caller, @PathVariable String id) {
    return endpoints.get(caller, id).map(EndpointView::of);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  Mono<Void> delete(Authentication caller, @PathVariable String id) {
    return endpoints.delete(caller, id);
  }

  @PostMapping("/{id}/rotate-secret")
  Mono<SecretView> rotate(Authentication caller, @PathVariable String id) {
    return endpoints.rotate(caller, id).map(SecretView::of);
  }
}
