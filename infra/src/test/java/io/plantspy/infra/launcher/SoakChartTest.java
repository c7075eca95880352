package io.plantspy.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoakChartTest {

  @TempDir
  Path dir;

  @Test
  void drawsAPngOfTheAskedSizeWithLinesOnIt() throws Exception {
    Path png = dir.resolve("soak.png");

    SoakChart.writePng(SoakSamples.minutes(30, 1), SoakSamples.SERVICES, png, 1200, 1000);

    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1200);
    assertThat(image.getHeight()).isEqualTo(1000);
    Set<Integer> colours = new HashSet<>();
    for (int x = 0; x < image.getWidth(); x += 3) {
      for (int y = 0; y < image.getHeight(); y += 3) {
        colours.add(image.getRGB(x, y));
      }
    }
    // Axes, grid, text and one colour per line: far more than a blank or single-colour image.
    assertThat(colours).hasSizeGreaterThan(8);
  }
}
