package io.plantspy.ingest.mongo;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plantspy.ingest.TestProperties;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;

class RetentionPropertiesTest {

  @Test
  void refusesDiagnosesKeptShorterThanIdempotencyKeys() {
    assertThatThrownBy(() -> TestProperties.bind(RetentionProperties.class,
        Map.of("idempotency-keys", "48h", "diagnoses", "24h")))
        .isInstanceOf(BindException.class)
        .rootCause().hasMessageContaining("plantspy.retention.diagnoses");
  }
}
