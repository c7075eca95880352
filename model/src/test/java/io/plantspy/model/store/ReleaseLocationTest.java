package io.plantspy.model.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReleaseLocationTest {

  private static final String SHA = "ab".repeat(32);

  @Test
  void readsBucketFileIdAndDigestFromTheUri() {
    ReleaseLocation location = ReleaseLocation.parse("gridfs:releases/65f1c0ffee00000000000001?sha256=" + SHA);

    assertThat(location).isEqualTo(new ReleaseLocation("releases", "65f1c0ffee00000000000001", SHA));
  }

  @Test
  void refusesALocationWithoutDigest() {
    assertThatThrownBy(() -> ReleaseLocation.parse("gridfs:releases/65f1c0ffee00000000000001"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReleaseLocation.parse("file:///var/lib/plantspy/models/r1/"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
