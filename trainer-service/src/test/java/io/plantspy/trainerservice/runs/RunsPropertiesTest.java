package io.plantspy.trainerservice.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RunsPropertiesTest {

  private static RunsProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("plantspy.trainer.runs", RunsProperties.class);
  }

  @Test
  void aClassRecallDropBlocksOnlyWhenSignificantAtFivePercentUnlessConfigured() {
    RunsProperties defaults = bind(Map.of());
    assertThat(defaults.maxRecallDropPoints()).isEqualTo(2.0);
    assertThat(defaults.classRegressionAlpha()).isEqualTo(0.05);

    RunsProperties strict = bind(Map.of("plantspy.trainer.runs.class-regression-alpha", "1"));
    assertThat(strict.classRegressionAlpha()).isEqualTo(1.0);
  }
}
