package io.plantspy.model.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageLimitsTest {

  @Test
  void defaultsAllowTwentyMebibytesTwelveThousandPixelsASideAndFiftyMegapixels() {
    assertThat(ImageLimits.defaults())
        .isEqualTo(new ImageLimits(20L * 1024 * 1024, 12_000, 12_000, 50_000_000L));
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1})
  void rejectsNonPositiveValues(long value) {
    int side = (int) value;
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ImageLimits(value, 1, 1, 1)).withMessageContaining("maxBytes");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ImageLimits(1, side, 1, 1)).withMessageContaining("maxWidth");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ImageLimits(1, 1, side, 1)).withMessageContaining("maxHeight");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ImageLimits(1, 1, 1, value)).withMessageContaining("maxPixels");
  }
}
