package io.plantspy.web.api;

import java.util.List;

/** A subscription and its signing secret ({@code whsec_...}): the answer to subscribing or rotating, shown once. */
public record WebhookSecret(String id, String url, List<String> events, String secret) {

  public WebhookSecret {
    events = events == null ? List.of() : List.copyOf(events);
  }
}
