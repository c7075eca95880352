package io.plantspy.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SoakSummaryTest {

  @Test
  void givesEachSeriesFirstLastAndSlopePerTenMinutes() {
    List<SoakSample> samples = SoakSamples.minutes(30, 2);

    String md = SoakSummary.markdown(List.of("# Soak"), SoakSeries.all(samples, SoakSamples.SERVICES));

    assertThat(md).startsWith("# Soak\n");
    // 52 → 110 MiB over 30 minutes, 2 MiB a minute: +20 per 10 minutes, 25 % of its mean (81 MiB).
    assertThat(md).contains("| ingest-api old gen | MiB | 52.00 | 110 | +20.00 | +24.69 % |");
    assertThat(md).contains("| stream-processor old gen | MiB | 80.00 | 80.00 | +0.00 | +0.00 % |");
    assertThat(md).contains("| latency p95 | ms | 601 | 630 | +10.00 | +1.62 % |");
    assertThat(md).contains("| MongoDB file | MiB | 11.00 | 40.00 | +10.00 | +39.22 % |");
  }

  @Test
  void aSeriesNeverReadSaysSo() {
    List<SoakSample> samples = SoakSamples.minutes(3, 0);

    String md = SoakSummary.markdown(List.of(), SoakSeries.all(samples, List.of("keycloak")));

    assertThat(md).contains("| keycloak old gen | MiB | | | not measured | |");
  }
}
