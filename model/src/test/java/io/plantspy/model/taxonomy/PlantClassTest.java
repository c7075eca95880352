package io.plantspy.model.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlantClassTest {

  @Test
  void splitsDiseasedClassIntoCropAndDisease() {
    PlantClass c = PlantClass.parse("Corn_(maize)___Common_rust_");
    assertThat(c.crop()).isEqualTo("Corn (maize)");
    assertThat(c.healthy()).isFalse();
    assertThat(c.health()).isEqualTo("sick");
    assertThat(c.disease()).contains("Common rust");
  }

  @Test
  void healthyClassHasNoDisease() {
    PlantClass c = PlantClass.parse("Pepper,_bell___healthy");
    assertThat(c.crop()).isEqualTo("Pepper, bell");
    assertThat(c.healthy()).isTrue();
    assertThat(c.disease()).isEmpty();
  }

  @Test
  void rejectsNamesWithoutSeparator() {
    assertThatThrownBy(() -> PlantClass.parse("Background_without_leaves"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Crop___Disease");
    assertThat(PlantClass.isPlantClass("Background_without_leaves")).isFalse();
  }
}
