package io.plantspy.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class OpenLoopSenderTest {

  // Fast enough that a test's slots are due within milliseconds.
  private static final double FAST = 10_000;

  @Test
  void sendsOnScheduleWithoutWaitingForAnswers() {
    List<CompletableFuture<?>> open = new ArrayList<>();
    OpenLoopSender sender = new OpenLoopSender(FAST, 100, due -> {
      CompletableFuture<Void> neverAnswered = new CompletableFuture<>();
      open.add(neverAnswered);
      return neverAnswered;
    });

    sender.run(20);

    // A closed loop would have stopped at the first unanswered request.
    assertThat(sender.sent()).isEqualTo(20);
    assertThat(sender.skipped()).isZero();
    assertThat(sender.inFlight()).isEqualTo(20);
  }

  @Test
  void countsRequestsDueAtTheCeilingAsSkippedInsteadOfQueueingThem() {
    List<CompletableFuture<Void>> open = Collections.synchronizedList(new ArrayList<>());
    OpenLoopSender sender = new OpenLoopSender(FAST, 3, due -> {
      CompletableFuture<Void> answer = new CompletableFuture<>();
      open.add(answer);
      return answer;
    });

    sender.run(10);
    assertThat(sender.sent()).isEqualTo(3);
    assertThat(sender.skipped()).isEqualTo(7);

    // An answer frees its place for the next request due.
    open.get(0).complete(null);
    sender.run(2);
    assertThat(sender.sent()).isEqualTo(4);
    assertThat(sender.skipped()).isEqualTo(8);
    assertThat(sender.inFlight()).isEqualTo(3);
  }

  @Test
  void aFailedRequestFreesItsPlaceToo() {
    OpenLoopSender sender = new OpenLoopSender(FAST, 1,
        due -> CompletableFuture.failedFuture(new IllegalStateException("refused")));

    sender.run(5);

    assertThat(sender.sent()).isEqualTo(5);
    assertThat(sender.skipped()).isZero();
    assertThat(sender.inFlight()).isZero();
  }

  @Test
  void eachRequestIsDueAtItsSlotCountedFromTheStartSoRoundingNeverAccumulates() {
    List<Long> dues = Collections.synchronizedList(new ArrayList<>());
    OpenLoopSender sender = new OpenLoopSender(3_000, 10, due -> {
      dues.add(due);
      return CompletableFuture.completedFuture(null);
    });

    sender.run(4);

    // 1/3 ms apart: 0, 333,333, 666,667 and 1,000,000 ns after the first, not 3 × 333,333.
    assertThat(dues).hasSize(4);
    assertThat(dues.stream().map(d -> d - dues.get(0)).toList()).containsExactly(0L, 333_333L, 666_667L, 1_000_000L);
  }

  @Test
  void aDurationIsAsManySlotsAsTheRateSchedulesInIt() {
    OpenLoopSender sender = new OpenLoopSender(FAST, 10, due -> CompletableFuture.completedFuture(null));

    sender.run(Duration.ofMillis(5));

    assertThat(sender.sent()).isEqualTo(50);
  }

  @Test
  void waitsForTheAnswersStillOpen() throws InterruptedException {
    CompletableFuture<Void> answer = new CompletableFuture<>();
    OpenLoopSender sender = new OpenLoopSender(FAST, 5, due -> answer);
    sender.run(1);

    assertThat(sender.awaitAnswered(Duration.ZERO)).isFalse();
    answer.complete(null);
    assertThat(sender.awaitAnswered(Duration.ZERO)).isTrue();
    assertThat(sender.inFlight()).isZero();
  }
}
