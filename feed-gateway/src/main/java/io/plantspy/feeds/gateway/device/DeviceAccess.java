package io.plantspy.feeds.gateway.device;

import io.plantspy.feeds.gateway.problem.FeedProblem;
import io.plantspy.feeds.gateway.security.Roles;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Finds a device the caller may see: its own, or any for admin; another's is "not found", not "forbidden". */
@Component
public class DeviceAccess {

  private final DeviceStore store;

  public DeviceAccess(DeviceStore store) {
    this.store = store;
  }

  public Mono<Device> visible(String id, Authentication caller) {
    return store.find(id)
        .filter(d -> Roles.isAdmin(caller) || d.owner().equals(caller.getName()))
        .switchIfEmpty(Mono.error(() -> FeedProblem.notFound("device " + id)));
  }
}
