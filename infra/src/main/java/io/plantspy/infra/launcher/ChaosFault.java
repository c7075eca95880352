package io.plantspy.infra.launcher;

import java.time.Duration;

/**
 * One fault the chaos suite injects while its load runs: {@link #inject} makes it happen and returns once it is
 * over (the service is running again, or the bad records are written); the suite then measures how long the
 * platform takes to catch up.
 */
interface ChaosFault {

  /** What happened, as the report's row names it. */
  String description();

  /** Makes the fault happen on {@code platform} and returns once it has ended. */
  void inject(Platform platform, ChaosAudit audit) throws Exception;

  /** Whether the platform has dealt with this fault's own leftovers (beyond finishing every request). */
  default boolean absorbed(ChaosAudit audit) {
    return true;
  }

  /**
   * A service's process ended ({@code SIGKILL}, as a crash, or {@code SIGTERM}, as an orderly stop), left down
   * for {@code downFor}, then started again on the same ports and state. The supervisor is kept off it meanwhile,
   * so the outage lasts as long as asked.
   */
  record ServiceOutage(String description, PlatformService service, boolean crash, Duration downFor)
      implements ChaosFault {

    @Override
    public void inject(Platform platform, ChaosAudit audit) throws Exception {
      platform.holdDown(service);
      try {
        ChildProcess process = platform.process(service);
        if (crash) {
          process.kill();
        } else {
          process.stop(platform.settings().stopTimeout());
        }
        Thread.sleep(downFor.toMillis());
        platform.restart(service);
      } finally {
        platform.release(service);
      }
    }
  }

  /** Records no processor can read, written on the requests topic; absorbed once all are in the dead-letter topic. */
  final class PoisonRecords implements ChaosFault {
    private final int count;
    private int deadLettersBefore = -1;

    PoisonRecords(int count) {
      this.count = count;
    }

    @Override
    public String description() {
      return count + " poison records on the requests topic";
    }

    @Override
    public void inject(Platform platform, ChaosAudit audit) throws Exception {
      deadLettersBefore = audit.deadLetters();
      audit.poison(count);
    }

    @Override
    public boolean absorbed(ChaosAudit audit) {
      try {
        return audit.deadLetters() >= deadLettersBefore + count;
      } catch (RuntimeException brokerBusy) {
        return false;
      }
    }
  }
}
