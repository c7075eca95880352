package io.plantspy.feeds.gateway.device;

import io.plantspy.feeds.devices.DeviceSecrets;
import io.plantspy.feeds.gateway.problem.FeedProblem;
import io.plantspy.feeds.gateway.security.Roles;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code /api/v1/devices}: register (credentials answered once), list, show, revoke. */
@RestController
@RequestMapping("/api/v1/devices")
public class DeviceController {

  private final DeviceStore store;
  private final DeviceQuota quota;
  private final DeviceAccess access;
  private final DeviceProperties properties;
  private final Clock clock;

  public DeviceController(DeviceStore store, DeviceQuota quota, DeviceAccess access, DeviceProperties properties,
      Clock clock) {
    this.store = store;
    this.quota = quota;
    this.access = access;
    this.properties = properties;
    this.clock = clock;
  }

  @PostMapping
  Mono<ResponseEntity<RegisteredDevice>> register(@Valid @RequestBody RegistrationRequest request,
      Authentication caller) {
    String owner = caller.getName();
    Mono<Void> place = Roles.isAdmin(caller) ? quota.takeBeyondQuota(owner) : quota.take(owner, properties.quota())
        .filter(taken -> taken)
        .switchIfEmpty(Mono.error(() -> new FeedProblem(HttpStatus.FORBIDDEN, "device-quota", "Device quota reached",
            "you may register " + properties.quota() + " devices; remove one first, or ask an admin")))
        .then();
    String password = DeviceSecrets.newPassword();
    return place.then(Mono.defer(() -> store.insert(new Device(newId(), owner, request.farm(), request.name(),
                DeviceSecrets.hash(password), clock.instant())))
            .onErrorResume(e -> quota.giveBack(owner).then(Mono.error(e))))
        .map(d -> ResponseEntity.created(URI.create("/api/v1/devices/" + d.id()))
            .body(new RegisteredDevice(DeviceView.of(d), d.id(), password)));
  }

  @GetMapping
  Flux<DeviceView> list(Authentication caller) {
    return store.list(Roles.isAdmin(caller) ? null : caller.getName()).map(DeviceView::of);
  }

  @GetMapping("/{id}")
  Mono<DeviceView> show(@PathVariable String id, Authentication caller) {
    return access.visible(id, caller).map(DeviceView::of);
  }

  /** Revokes at once: the broker refuses its next connect and disconnects it within its revocation check. */
  @DeleteMapping("/{id}")
  Mono<ResponseEntity<Void>> revoke(@PathVariable String id, Authentication caller) {
    return access.visible(id, caller)
        .flatMap(d -> store.delete(d.id()).flatMap(deleted -> deleted ? quota.giveBack(d.owner()) : Mono.empty()))
        .thenReturn(ResponseEntity.noContent().build());
  }

  /** {@code d-} and 16 hex digits: a valid MQTT client id and topic segment, never the gateway's username. */
  private static String newId() {
    byte[] bytes = new byte[8];
    ThreadLocalRandom.current().nextBytes(bytes);
    return "d-" + HexFormat.of().formatHex(bytes);
  }
}
