package io.plantspy.feeds.gateway.frame;

import io.plantspy.feeds.devices.FeedTopics;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an MQTT message into a {@link Frame}: a payload starting with {@code {} is a {@link FrameEnvelope}, anything
 * else is taken as the image bytes themselves (vetted later). The image must come with a lat and lon together or
 * neither.
 */
@Component
public class FrameDecoder {

  private final JsonMapper json;
  private final Validator validator;

  public FrameDecoder(JsonMapper json, Validator validator) {
    this.json = json;
    this.validator = validator;
  }

  public Frame decode(String topic, byte[] payload, Instant receivedAt) throws BadFrameException {
    FeedTopics.Source source = FeedTopics.parseImage(topic)
        .orElseThrow(() -> new BadFrameException("not a frame topic: " + topic));
    if (payload.length == 0) {
      throw new BadFrameException("empty payload");
    }
    if (payload[0] != '{') {
      return new Frame(source.farm(), source.device(), payload, null, null, null, null, null, null, receivedAt);
    }
    FrameEnvelope envelope;
    try {
      envelope = json.readValue(payload, FrameEnvelope.class);
    } catch (JacksonException e) {
      throw new BadFrameException("unreadable JSON envelope: " + e.getOriginalMessage());
    }
    Set<ConstraintViolation<FrameEnvelope>> violations = validator.validate(envelope);
    if (!violations.isEmpty()) {
      throw new BadFrameException("invalid envelope: " + violations.stream()
          .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining(", ")));
    }
    if ((envelope.lat() == null) != (envelope.lon() == null)) {
      throw new BadFrameException("invalid envelope: lat and lon come together");
    }
    byte[] image;
    try {
      image = Base64.getDecoder().decode(envelope.image());
    } catch (IllegalArgumentException e) {
      throw new BadFrameException("image is not base64: " + e.getMessage());
    }
    return new Frame(source.farm(), source.device(), image, envelope.frameId(), envelope.capturedAt(), envelope.lat(),
        envelope.lon(), envelope.alt(), envelope.heading(), receivedAt);
  }
}
