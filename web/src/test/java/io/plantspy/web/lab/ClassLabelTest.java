package io.plantspy.web.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The class spelling the Lab page checks before sending: the dataset's folder names pass, typos do not. */
class ClassLabelTest {

  @Test
  void acceptsTheDatasetsOwnSpellings() {
    assertThat(ClassLabel.isValid("Tomato___Late_blight")).isTrue();
    assertThat(ClassLabel.isValid("Corn_(maize)___Common_rust_")).isTrue();
    assertThat(ClassLabel.isValid("Pepper,_bell___healthy")).isTrue();
    assertThat(ClassLabel.isValid("Tomato___Spider_mites Two-spotted_spider_mite")).isTrue();
  }

  @Test
  void refusesANameWithoutExactlyOneSeparatorBetweenCropAndCondition() {
    assertThat(ClassLabel.isValid("Tomato late blight")).isFalse();
    assertThat(ClassLabel.isValid("Tomato__Late_blight")).isFalse();
    assertThat(ClassLabel.isValid("Tomato___Late___blight")).isFalse();
    assertThat(ClassLabel.isValid("Tomato___")).isFalse();
    assertThat(ClassLabel.isValid("_Tomato___healthy")).isFalse();
    assertThat(ClassLabel.isValid("Tomato___healthy;drop")).isFalse();
    assertThat(ClassLabel.isValid("Tomato___" + "x".repeat(ClassLabel.MAX_LENGTH))).isFalse();
    assertThat(ClassLabel.isValid(null)).isFalse();
  }
}
