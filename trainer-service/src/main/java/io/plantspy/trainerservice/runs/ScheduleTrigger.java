package io.plantspy.trainerservice.runs;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/** Queues a run on the {@code schedule} cron expression (unless one is queued); {@code -} turns it off. */
@Component
class ScheduleTrigger implements SmartLifecycle {

  static final String REQUESTED_BY = "trainer (schedule)";
  static final String DISABLED = "-";

  private final RunQueue queue;
  private final String schedule;
  private ThreadPoolTaskScheduler scheduler;

  ScheduleTrigger(RunQueue queue, RunsProperties props) {
    this.queue = queue;
    this.schedule = props.schedule();
    if (!DISABLED.equals(schedule)) {
      new CronTrigger(schedule); // a malformed expression fails the start, not the first tick
    }
  }

  @Override
  public void start() {
    if (DISABLED.equals(schedule)) {
      return;
    }
    scheduler = new ThreadPoolTaskScheduler();
    scheduler.setThreadNamePrefix("run-schedule-");
    scheduler.setDaemon(true);
    scheduler.initialize();
    scheduler.schedule(() -> queue.requestIfNoneQueued(Trigger.SCHEDULE, REQUESTED_BY), new CronTrigger(schedule));
  }

  @Override
  public void stop() {
    if (scheduler != null) {
      scheduler.shutdown();
      scheduler = null;
    }
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }
}
