package io.plantspy.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class DatasetAssumptionTest {

  @Test
  void skipsATestWithoutTheDatasetWhereNoneIsExpected() {
    assertThatThrownBy(() -> DatasetAssumption.present(false, "no photos", false))
        .isInstanceOf(TestAbortedException.class).hasMessageContaining("no photos");
  }

  @Test
  void failsATestWithoutTheDatasetWhereTheRunExpectsIt() {
    assertThatThrownBy(() -> DatasetAssumption.present(false, "no photos", true))
        .isInstanceOf(AssertionError.class).hasMessageContaining("no photos")
        .hasMessageContaining(DatasetAssumption.EXPECT_DATASET);
  }

  @Test
  void letsATestWithTheDatasetRunEitherWay() {
    assertThatCode(() -> DatasetAssumption.present(true, "unused", true)).doesNotThrowAnyException();
    assertThatCode(() -> DatasetAssumption.present(true, "unused", false)).doesNotThrowAnyException();
  }
}
