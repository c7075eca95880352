package io.plantspy.infra.launcher;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The soak's plot: three panels over the same minutes axis, the old generation of each service's JVM, the
 * latency percentiles, and the MongoDB server's data file. Drawn headless (no display on a build machine).
 */
final class SoakChart {

  // Dark enough to read on white (JFreeChart's default palette has yellow and light cyan).
  private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
      new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b), new Color(0x17becf)};

  private SoakChart() {}

  static void writePng(List<SoakSample> samples, List<String> services, Path png, int width, int height)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("minutes after warm-up"));
    plot.setGap(12);
    plot.add(panel("old gen (MiB)", services.stream().map(s -> SoakSeries.oldGen(samples, s)).toList()), 2);
    plot.add(panel("latency (ms)", SoakSeries.latencies(samples)), 2);
    plot.add(panel("MongoDB file (MiB)", List.of(SoakSeries.mongoFile(samples))), 1);
    JFreeChart chart = new JFreeChart("PlantSpy soak", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    ChartUtils.saveChartAsPNG(png.toFile(), chart, width, height);
  }

  private static XYPlot panel(String label, List<SoakSeries> series) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (SoakSeries s : series) {
      XYSeries line = new XYSeries(s.name());
      s.measured().forEach(p -> line.add(p.minutes(), p.value()));
      data.addSeries(line);
    }
    NumberAxis axis = new NumberAxis(label);
    // Flat is judged against zero: an axis starting near the values would make noise look like growth.
    axis.setAutoRangeIncludesZero(true);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < series.size(); i++) {
      renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
    }
    XYPlot plot = new XYPlot(data, null, axis, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    return plot;
  }
}
