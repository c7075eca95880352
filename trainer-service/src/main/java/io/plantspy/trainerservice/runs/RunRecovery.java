package io.plantspy.trainerservice.runs;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** At start, after the first champion is registered: runs a crash left behind are failed or resumed. */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class RunRecovery implements ApplicationRunner {

  private final RunQueue queue;

  RunRecovery(RunQueue queue) {
    this.queue = queue;
  }

  @Override
  public void run(ApplicationArguments args) {
    queue.recover();
  }
}
