package io.plantspy.feeds.gateway.alert;

import io.plantspy.feeds.gateway.security.Roles;
import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** {@code GET /api/v1/alerts?since=}: the caller's devices' alerts (all for admin), oldest first. */
@RestController
public class AlertController {

  private static final int LIMIT = 1000;

  private final AlertStore store;

  public AlertController(AlertStore store) {
    this.store = store;
  }

  @GetMapping("/api/v1/alerts")
  Flux<Alert> alerts(@RequestParam(required = false) Instant since, Authentication caller) {
    return store.since(Roles.isAdmin(caller) ? null : caller.getName(), since == null ? Instant.EPOCH : since, LIMIT);
  }
}
