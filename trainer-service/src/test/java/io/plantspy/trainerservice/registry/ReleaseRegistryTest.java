package io.plantspy.trainerservice.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.testsupport.TestMongo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReleaseRegistryTest {

  private ReleaseRegistry registry;

  @BeforeEach
  void setUp() {
    registry = new ReleaseRegistry(TestMongo.freshDatabase("registry"));
    for (String id : List.of("r1", "r2", "r3")) {
      registry.insert(new ReleaseRecord(id, Instant.now(), List.of("a"), Map.of("top1", 0.9), "gridfs:releases/x",
          "s", null, null, List.of(), List.of()));
    }
  }

  @Test
  void promotionMakesTheOldChampionPreviousAndTakesPreviousFromTheOneBefore() {
    registry.makeChampion("r1");
    registry.makeChampion("r2");
    registry.makeChampion("r3");

    assertThat(aliases("r3")).containsExactly(Alias.CHAMPION);
    assertThat(aliases("r2")).containsExactly(Alias.PREVIOUS);
    assertThat(aliases("r1")).isEmpty();
  }

  @Test
  void rollbackToThePreviousReleaseSwapsChampionAndPrevious() {
    registry.makeChampion("r1");
    registry.makeChampion("r2");

    registry.makeChampion("r1");

    assertThat(aliases("r1")).containsExactly(Alias.CHAMPION);
    assertThat(aliases("r2")).containsExactly(Alias.PREVIOUS);
  }

  @Test
  void aNewChallengerTakesTheAliasAndLosesItWhenPromoted() {
    registry.makeChampion("r1");
    registry.makeChallenger("r2");
    registry.makeChallenger("r3");
    assertThat(aliases("r2")).isEmpty();
    assertThat(aliases("r3")).containsExactly(Alias.CHALLENGER);

    registry.makeChampion("r3");

    assertThat(aliases("r3")).containsExactly(Alias.CHAMPION);
    assertThat(aliases("r1")).containsExactly(Alias.PREVIOUS);
    assertThat(registry.withAlias(Alias.CHALLENGER)).isEmpty();
  }

  @Test
  void promotingTheChampionAgainMovesNothing() {
    registry.makeChampion("r1");
    registry.makeChampion("r2");

    registry.makeChampion("r2");

    assertThat(aliases("r2")).containsExactly(Alias.CHAMPION);
    assertThat(aliases("r1")).containsExactly(Alias.PREVIOUS);
  }

  private List<String> aliases(String id) {
    return registry.find(id).orElseThrow().aliases();
  }
}
