package io.plantspy.processor.releases;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.plantspy.model.store.CorruptReleaseException;
import io.plantspy.processor.inference.ClassifiedBatch;
import io.plantspy.processor.inference.HotSwapClassifier;
import io.plantspy.processor.inference.ServableClassifier;
import io.plantspy.schemas.ModelRelease;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChampionSwapperTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Named old = new Named("old");
  private final HotSwapClassifier classifier = new HotSwapClassifier(old);
  private final List<String> loaded = new ArrayList<>();

  @Test
  void aReleaseThatFailsToLoadIsRefusedAndTheOldOneKeepsServing() {
    ChampionSwapper swapper = new ChampionSwapper(classifier, announcement -> {
      throw new CorruptReleaseException("sha256 mismatch");
    }, registry);

    assertThat(swapper.serve(announcement("new"))).isFalse();

    assertThat(classifier.diagnose(new float[0], 1).releaseId()).isEqualTo("old");
    assertThat(old.closed).isFalse();
    assertThat(registry.get(ChampionSwapper.REFUSED).counter().count()).isEqualTo(1);
  }

  @Test
  void aNewReleaseIsLoadedAndServedFromTheNextBatch() {
    ChampionSwapper swapper = new ChampionSwapper(classifier, announcement -> load(announcement.getId()), registry);

    assertThat(swapper.serve(announcement("new"))).isTrue();

    assertThat(classifier.diagnose(new float[0], 1).releaseId()).isEqualTo("new");
    assertThat(old.closed).isTrue();
    assertThat(registry.get(ChampionSwapper.SWAPS).counter().count()).isEqualTo(1);
    // Announced at the epoch: the delay is the whole time since.
    assertThat(registry.get(ChampionSwapper.SWAP_DELAY).timer().count()).isEqualTo(1);
    assertThat(registry.get(ChampionSwapper.SWAP_DELAY).timer().max(java.util.concurrent.TimeUnit.DAYS))
        .isGreaterThan(365);
  }

  @Test
  void theReleaseServingAlreadyIsNotLoadedAgain() {
    ChampionSwapper swapper = new ChampionSwapper(classifier, announcement -> load(announcement.getId()), registry);

    assertThat(swapper.serve(announcement("old"))).isTrue();

    assertThat(loaded).isEmpty();
    assertThat(old.closed).isFalse();
    assertThat(registry.get(ChampionSwapper.SWAP_DELAY).timer().count()).isZero();
  }

  private ServableClassifier load(String id) {
    loaded.add(id);
    return new Named(id);
  }

  static ModelRelease announcement(String id) {
    return ModelRelease.newBuilder().setId(id).setBackboneSha256("a".repeat(64)).setHeadSha256("b".repeat(64))
        .setLabels(List.of("Apple___healthy")).setMetrics(Map.of()).setCreatedAt(Instant.EPOCH)
        .setLocation("gridfs:releases/65f1c0ffee00000000000001?sha256=" + "c".repeat(64)).setPromoted(true)
        .build();
  }

  private static final class Named implements ServableClassifier {

    final String id;
    volatile boolean closed;

    Named(String id) {
      this.id = id;
    }

    @Override
    public ClassifiedBatch diagnose(float[] pixels, int count) {
      return new ClassifiedBatch(id, List.of());
    }

    @Override
    public String releaseId() {
      return id;
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
