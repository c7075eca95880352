package io.plantspy.feeds.gateway.device;

import io.plantspy.feeds.devices.FeedTopics;
import java.time.Instant;

/** A device as the API shows it: never its password or hash. */
public record DeviceView(String id, String owner, String farm, String name, Instant createdAt, String imageTopic,
    String diagnosisTopic) {

  static DeviceView of(Device d) {
    return new DeviceView(d.id(), d.owner(), d.farm(), d.name(), d.createdAt(), FeedTopics.image(d.farm(), d.id()),
        FeedTopics.diagnosis(d.farm(), d.id()));
  }
}
