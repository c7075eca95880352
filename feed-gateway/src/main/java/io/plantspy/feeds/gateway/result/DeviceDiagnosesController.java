package io.plantspy.feeds.gateway.result;

import io.plantspy.feeds.gateway.device.DeviceAccess;
import io.plantspy.feeds.gateway.frame.FeedFrameStore;
import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** {@code GET /api/v1/devices/{id}/diagnoses?since=}: a device's answered frames, oldest first (owner or admin). */
@RestController
public class DeviceDiagnosesController {

  private static final int LIMIT = 1000;

  private final DeviceAccess access;
  private final FeedFrameStore frames;

  public DeviceDiagnosesController(DeviceAccess access, FeedFrameStore frames) {
    this.access = access;
    this.frames = frames;
  }

  @GetMapping("/api/v1/devices/{id}/diagnoses")
  Flux<DeviceAnswer> diagnoses(@PathVariable String id, @RequestParam(required = false) Instant since,
      Authentication caller) {
    return access.visible(id, caller).flatMapMany(d -> frames.diagnosedOf(d.id(),
        since == null ? Instant.EPOCH : since, LIMIT)).map(f -> DeviceAnswer.of(f, f.diagnosis(), f.diagnosedAt()));
  }
}
