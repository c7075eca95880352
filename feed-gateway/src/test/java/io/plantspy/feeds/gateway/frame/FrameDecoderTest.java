package io.plantspy.feeds.gateway.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class FrameDecoderTest {

  private static final String TOPIC = "dt/plantspy/farm-1/d-1/image";
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  private final FrameDecoder decoder = new FrameDecoder(JsonMapper.builder().build(),
      Validation.buildDefaultValidatorFactory().getValidator());

  @Test
  void takesRawBytesAsTheImage() throws Exception {
    Frame frame = decoder.decode(TOPIC, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, NOW);
    assertThat(frame.device()).isEqualTo("d-1");
    assertThat(frame.farm()).isEqualTo("farm-1");
    assertThat(frame.image()).hasSize(3);
    assertThat(frame.frameId()).isNull();
  }

  @Test
  void readsTheEnvelopesMetadata() throws Exception {
    Frame frame = decoder.decode(TOPIC, envelope(", \"frameId\": \"f-9\", \"capturedAt\": \"2026-05-01T09:59:58Z\","
        + " \"lat\": -33.9, \"lon\": 151.2, \"alt\": 40.5, \"heading\": 270"), NOW);
    assertThat(frame.image()).containsExactly(1, 2, 3);
    assertThat(frame.frameId()).isEqualTo("f-9");
    assertThat(frame.capturedAt()).isEqualTo(Instant.parse("2026-05-01T09:59:58Z"));
    assertThat(frame.lat()).isEqualTo(-33.9);
    assertThat(frame.lon()).isEqualTo(151.2);
    assertThat(frame.alt()).isEqualTo(40.5);
    assertThat(frame.heading()).isEqualTo(270.0);
  }

  @Test
  void refusesBadEnvelopesWithTheReason() {
    assertThatThrownBy(() -> decoder.decode(TOPIC, "{\"image\": ".getBytes(), NOW))
        .isInstanceOf(BadFrameException.class).hasMessageContaining("unreadable JSON");
    assertThatThrownBy(() -> decoder.decode(TOPIC, envelope(", \"lat\": 91, \"lon\": 0"), NOW))
        .isInstanceOf(BadFrameException.class).hasMessageContaining("lat");
    assertThatThrownBy(() -> decoder.decode(TOPIC, envelope(", \"lat\": 10"), NOW))
        .isInstanceOf(BadFrameException.class).hasMessageContaining("lat and lon come together");
    assertThatThrownBy(() -> decoder.decode(TOPIC, "{\"image\": \"***\"}".getBytes(), NOW))
        .isInstanceOf(BadFrameException.class).hasMessageContaining("base64");
    assertThatThrownBy(() -> decoder.decode(TOPIC, "{\"frameId\": \"x\"}".getBytes(), NOW))
        .isInstanceOf(BadFrameException.class).hasMessageContaining("image");
    assertThatThrownBy(() -> decoder.decode("dt/plantspy/farm-1/d-1/other", new byte[] {1}, NOW))
        .isInstanceOf(BadFrameException.class);
    assertThatThrownBy(() -> decoder.decode(TOPIC, new byte[0], NOW)).isInstanceOf(BadFrameException.class);
  }

  private static byte[] envelope(String more) {
    return ("{\"image\": \"" + Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}) + "\"" + more + "}")
        .getBytes();
  }
}
