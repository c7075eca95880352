package io.plantspy.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class ThreadFailureBudgetTest {

  private final AtomicLong nanos = new AtomicLong();
  private final ThreadFailureBudget budget = new ThreadFailureBudget(3, Duration.ofMinutes(1), nanos::get);

  @Test
  void replacesThreadsWhileFailuresAreRare() {
    for (int i = 0; i < 10; i++) {
      assertThat(budget.onFailure()).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
      nanos.addAndGet(Duration.ofSeconds(25).toNanos());
    }
  }

  @Test
  void shutsTheClientDownWhenFailuresRepeatWithinTheWindow() {
    for (int i = 0; i < 3; i++) {
      assertThat(budget.onFailure()).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
      nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    }
    assertThat(budget.onFailure()).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
  }
}
