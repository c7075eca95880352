package io.plantspy.feeds.gateway.frame;

import io.plantspy.feeds.gateway.device.Device;
import io.plantspy.feeds.gateway.device.DeviceStore;
import io.plantspy.feeds.gateway.frame.FrameCounters.Outcome;
import io.plantspy.model.image.ImageInfo;
import io.plantspy.model.image.ImageInspector;
import io.plantspy.model.image.InvalidImageException;
import io.plantspy.schemas.Answer;
import io.plantspy.schemas.DiagnosisRequest;
import io.plantspy.schemas.InlineImage;
import io.plantspy.schemas.RequestSource;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends one sampled frame to diagnosis: checks its device is still registered (its owner gets the answer), vets the
 * image as an upload is vetted, stores a big one by claim check, records the frame in {@code feed_frames} and writes
 * a FEED {@code DiagnosisRequest} asking for every answer. Runs on a worker thread, so it blocks.
 */
@Component
public class FramePublisher {

  private static final Logger log = LoggerFactory.getLogger(FramePublisher.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final DeviceStore devices;
  private final FeedFrameStore frames;
  private final FrameImageStore images;
  private final KafkaTemplate<String, DiagnosisRequest> requests;
  private final FrameCounters counters;
  private final FrameImageProperties properties;
  private final ImageInspector inspector;
  private final Clock clock;

  public FramePublisher(DeviceStore devices, FeedFrameStore frames, FrameImageStore images,
      KafkaTemplate<String, DiagnosisRequest> requests, FrameCounters counters, FrameImageProperties properties,
      Clock clock) {
    this.devices = devices;
    this.frames = frames;
    this.images = images;
    this.requests = requests;
    this.counters = counters;
    this.properties = properties;
    this.inspector = new ImageInspector(properties.limits());
    this.clock = clock;
  }

  public void publish(Frame frame) {
    Device device;
    try {
      device = devices.find(frame.device()).block(TIMEOUT);
    } catch (RuntimeException e) {
      log.warn("Frame of device {} dropped: the device registry is unreachable ({})", frame.device(), e.toString());
      counters.count(Outcome.PUBLISH_FAILED);
      return;
    }
    if (device == null || !device.farm().equals(frame.farm())) {
      log.info("Frame dropped: device {} of farm {} is not registered", frame.device(), frame.farm());
      counters.count(Outcome.UNKNOWN_DEVICE);
      return;
    }
    ImageInfo info;
    try {
      info = inspector.inspect(frame.image());
    } catch (InvalidImageException e) {
      log.info("Frame of device {} dropped: {}", frame.device(), e.getMessage());
      counters.count(Outcome.INVALID_IMAGE);
      return;
    }
    String id = UUID.randomUUID().toString();
    String contentType = info.format().mediaType();
    try {
      Object image = frame.image().length > properties.inlineMaxSize().toBytes()
          ? images.save(id, contentType, frame.image()).block(TIMEOUT)
          : new InlineImage(ByteBuffer.wrap(frame.image()));
      frames.insert(new FeedFrame(id, device.id(), device.farm(), device.owner(), frame.frameId(),
          frame.capturedAt(), frame.receivedAt(), frame.lat(), frame.lon(), frame.alt(), frame.heading(), contentType,
          frame.image().length, null, null)).block(TIMEOUT);
      DiagnosisRequest request = DiagnosisRequest.newBuilder()
          .setId(id)
          .setOwner(device.owner())
          .setRequestedAnswers(List.of(Answer.CATEGORY, Answer.HEALTH, Answer.DISEASE))
          .setSource(RequestSource.FEED)
          .setImage(image)
          .setContentType(contentType)
          .setSizeBytes(frame.image().length)
          .setMetadata(metadata(device, frame))
          .setCreatedAt(clock.instant())
          .build();
      requests.sendDefault(id, request).get(TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      counters.count(Outcome.PUBLISHED);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      log.warn("Frame of device {} not sent to diagnosis", frame.device(), e);
      counters.count(Outcome.PUBLISH_FAILED);
    }
  }

  private static Map<String, String> metadata(Device device, Frame frame) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("deviceId", device.id());
    metadata.put("farm", device.farm());
    put(metadata, "frameId", frame.frameId());
    put(metadata, "capturedAt", frame.capturedAt());
    put(metadata, "lat", frame.lat());
    put(metadata, "lon", frame.lon());
    put(metadata, "alt", frame.alt());
    put(metadata, "heading", frame.heading());
    return metadata;
  }

  private static void put(Map<String, String> metadata, String key, Object value) {
    if (value != null) {
      metadata.put(key, value.toString());
    }
  }
}
