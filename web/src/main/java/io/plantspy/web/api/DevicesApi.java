package io.plantspy.web.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The feed gateway's device registry ({@code /api/v1/devices}), called as the signed-in user: an admin sees and
 * registers any, anyone else their own within the gateway's quota.
 */
@Component
public class DevicesApi {

  private static final String DEVICES = "/api/v1/devices";

  private final RestClient feeds;

  DevicesApi(@Qualifier("feedsClient") RestClient feeds) {
    this.feeds = feeds;
  }

  public List<Device> list() {
    Device[] all = ApiErrors.call(() -> feeds.get().uri(DEVICES).retrieve().body(Device[].class));
    return all == null ? List.of() : Arrays.asList(all);
  }

  /** Registers a device of the user's on {@code farm}; the answer holds its MQTT password, shown this once. */
  public RegisteredDevice register(String farm, String name) {
    return ApiErrors.call(() -> feeds.post().uri(DEVICES)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("farm", farm, "name", name))
        .retrieve()
        .body(RegisteredDevice.class));
  }

  /** Revokes at once: the broker refuses the device's next connection. */
  public void revoke(String id) {
    ApiErrors.call(() -> feeds.delete().uri(DEVICES + "/{id}", id).retrieve().toBodilessEntity());
  }
}
