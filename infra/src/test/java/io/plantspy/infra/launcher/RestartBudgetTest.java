package io.plantspy.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RestartBudgetTest {

  private final AtomicLong now = new AtomicLong();
  private final RestartBudget budget = new RestartBudget(
      new RestartPolicy(3, Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(3)), now::get);

  @Test
  void allowsMaxRestartsWithinTheWindowWithADoublingCappedBackoffThenRefuses() {
    assertThat(budget.take("mongo")).contains(Duration.ofSeconds(1));
    assertThat(budget.take("mongo")).contains(Duration.ofSeconds(2));
    assertThat(budget.take("mongo")).contains(Duration.ofSeconds(3));
    assertThat(budget.take("mongo")).isEmpty();
    assertThat(budget.take("kafka")).as("counted per service").contains(Duration.ofSeconds(1));
  }

  @Test
  void restartsOlderThanTheWindowNoLongerCount() {
    budget.take("mongo");
    budget.take("mongo");
    now.addAndGet(Duration.ofMinutes(6).toNanos());
    budget.take("mongo");
    assertThat(budget.take("mongo")).isEmpty();

    now.addAndGet(Duration.ofMinutes(5).toNanos()); // the first two are now older than ten minutes

    assertThat(budget.take("mongo")).isEqualTo(Optional.of(Duration.ofSeconds(2)));
  }
}
