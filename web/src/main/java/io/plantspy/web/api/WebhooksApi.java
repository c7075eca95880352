package io.plantspy.web.api;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The webhooks service's subscriptions and deliveries ({@code /api/v1/webhooks}), the signed-in user's own. */
@Component
public class WebhooksApi {

  private static final String WEBHOOKS = "/api/v1/webhooks";

  private final RestClient webhooks;

  WebhooksApi(@Qualifier("webhooksClient") RestClient webhooks) {
    this.webhooks = webhooks;
  }

  public List<Webhook> list() {
    Webhook[] all = ApiErrors.call(() -> webhooks.get().uri(WEBHOOKS).retrieve().body(Webhook[].class));
    return all == null ? List.of() : Arrays.asList(all);
  }

  /** Subscribes {@code url} to the events; the answer holds the signing secret, shown this once. */
  public WebhookSecret subscribe(String url, List<String> events, String description) {
    Map<String, Object> body = new HashMap<>();
    body.put("url", url);
    body.put("events", events);
    if (description != null && !description.isBlank()) {
      body.put("description", description);
    }
    return ApiErrors.call(() -> webhooks.post().uri(WEBHOOKS)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve()
        .body(WebhookSecret.class));
  }

  /** Unsubscribes: deliveries still pending are cancelled. */
  public void delete(String id) {
    ApiErrors.call(() -> webhooks.delete().uri(WEBHOOKS + "/{id}", id).retrieve().toBodilessEntity());
  }

  /** A new signing secret, shown this once; the old one keeps signing for a day beside it. */
  public WebhookSecret rotateSecret(String id) {
    return ApiErrors.call(() -> webhooks.post().uri(WEBHOOKS + "/{id}/rotate-secret", id).retrieve()
        .body(WebhookSecret.class));
  }

  /** The newest deliveries to the endpoint, {@code limit} of them (1 to 500). */
  public List<Delivery> deliveries(String endpointId, int limit) {
    Delivery[] all = ApiErrors.call(() -> webhooks.get()
        .uri(WEBHOOKS + "/{id}/deliveries?limit={limit}", endpointId, limit).retrieve().body(Delivery[].class));
    return all == null ? List.of() : Arrays.asList(all);
  }

  /** One more attempt now, for a delivery no longer being attempted. */
  public Delivery retry(String endpointId, String deliveryId) {
    return ApiErrors.call(() -> webhooks.post()
        .uri(WEBHOOKS + "/{id}/deliveries/{delivery}/retry", endpointId, deliveryId).retrieve()
        .body(Delivery.class));
  }
}
