package io.plantspy.trainer.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FieldSuiteTest {

  private static final String SHA = "ab".repeat(32);

  private final BufferedImage photo = SyntheticField.leafPhoto(5);

  @ParameterizedTest
  @EnumSource(FieldCondition.class)
  void theSameSeedGivesTheSameBytes(FieldCondition condition) {
    BufferedImage first = FieldSuite.full(11).variant(SHA, photo, condition, 3, SyntheticField.scene());
    BufferedImage second = FieldSuite.full(11).variant(SHA, photo, condition, 3, SyntheticField.scene());
    assertThat(SyntheticField.pixels(second)).isEqualTo(SyntheticField.pixels(first));
  }

  @Test
  void anotherSeedOrPhotoGivesAnotherScene() {
    FieldScene scene = SyntheticField.scene();
    int[] base = SyntheticField.pixels(FieldSuite.full(11).variant(SHA, photo, FieldCondition.COMPOSITE, 2, scene));
    assertThat(SyntheticField.pixels(FieldSuite.full(12).variant(SHA, photo, FieldCondition.COMPOSITE, 2, scene)))
        .isNotEqualTo(base);
    assertThat(SyntheticField.pixels(FieldSuite.full(11).variant("cd".repeat(32), photo, FieldCondition.COMPOSITE, 2,
        scene))).isNotEqualTo(base);
  }

  @Test
  void severitiesOutsideTheScaleAreRefused() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> new FieldSuite(1, List.of(FieldCondition.JPEG), List.of(0)));
  }
}
