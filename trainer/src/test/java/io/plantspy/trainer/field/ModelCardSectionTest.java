package io.plantspy.trainer.field;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelCardSectionTest {

  private static final String CARD = "# Model card\n\n## Results\n\nfigures\n\n## Known limits\n\n- few\n";

  @Test
  void insertsANewSectionBeforeTheKnownLimits() {
    String card = ModelCardSection.put(CARD, "Field conditions", "table");
    assertThat(card).isEqualTo("# Model card\n\n## Results\n\nfigures\n\n## Field conditions\n\ntable\n\n"
        + "## Known limits\n\n- few\n");
  }

  @Test
  void replacesTheSectionItAlreadyHasInsteadOfAddingASecond() {
    String once = ModelCardSection.put(CARD, "Field conditions", "old table");
    String twice = ModelCardSection.put(once, "Field conditions", "new table");
    assertThat(twice).contains("new table").doesNotContain("old table");
    assertThat(twice.split("## Field conditions", -1)).hasSize(2);
    assertThat(twice).endsWith("## Known limits\n\n- few\n");
  }
}
