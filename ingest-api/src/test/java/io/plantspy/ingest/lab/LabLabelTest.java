package io.plantspy.ingest.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The label pattern accepts every class name the project uses and nothing that could split two ways. */
class LabLabelTest {

  /** The 38 classes of PlantVillage, as its folders spell them (the base dataset holds 31 of them). */
  static final List<String> PLANT_VILLAGE = List.of(
      "Apple___Apple_scab", "Apple___Black_rot", "Apple___Cedar_apple_rust", "Apple___healthy",
      "Blueberry___healthy", "Cherry_(including_sour)___Powdery_mildew", "Cherry_(including_sour)___healthy",
      "Corn_(maize)___Cercospora_leaf_spot Gray_leaf_spot", "Corn_(maize)___Common_rust_",
      "Corn_(maize)___Northern_Leaf_Blight", "Corn_(maize)___healthy", "Grape___Black_rot",
      "Grape___Esca_(Black_Measles)", "Grape___Leaf_blight_(Isariopsis_Leaf_Spot)", "Grape___healthy",
      "Orange___Haunglongbing_(Citrus_greening)", "Peach___Bacterial_spot", "Peach___healthy",
      "Pepper,_bell___Bacterial_spot", "Pepper,_bell___healthy", "Potato___Early_blight", "Potato___Late_blight",
      "Potato___healthy", "Raspberry___healthy", "Soybean___healthy", "Squash___Powdery_mildew",
      "Strawberry___Leaf_scorch", "Strawberry___healthy", "Tomato___Bacterial_spot", "Tomato___Early_blight",
      "Tomato___Late_blight", "Tomato___Leaf_Mold", "Tomato___Septoria_leaf_spot",
      "Tomato___Spider_mites Two-spotted_spider_mite", "Tomato___Target_Spot",
      "Tomato___Tomato_Yellow_Leaf_Curl_Virus", "Tomato___Tomato_mosaic_virus", "Tomato___healthy");

  @Test
  void acceptsEveryPlantVillageClass() {
    assertThat(PLANT_VILLAGE).hasSize(38).allMatch(LabLabel::isValid);
  }

  @Test
  void acceptsEveryLeafLabelOfTheCommittedReleases() throws IOException {
    List<String> labels = new ArrayList<>();
    Pattern quoted = Pattern.compile("\"([^\"]+)\"");
    try (Stream<Path> releases = Files.list(Path.of("../models/releases"))) {
      for (Path release : releases.toList()) {
        String json = Files.readString(release.resolve("release.json"));
        String list = json.substring(json.indexOf("\"labels\""), json.indexOf(']', json.indexOf("\"labels\"")));
        Matcher m = quoted.matcher(list.substring(list.indexOf('[')));
        while (m.find()) {
          labels.add(m.group(1));
        }
      }
    }
    assertThat(labels).hasSizeGreaterThan(30);
    assertThat(labels).filteredOn(l -> l.contains("___")).allMatch(LabLabel::isValid);
    // The background class is not a crop: no lab uploads to it.
    assertThat(LabLabel.isValid("Background_without_leaves")).isFalse();
  }

  @Test
  void refusesNamesWithoutExactlyOneUnambiguousSeparator() {
    assertThat(List.of("Tomato", "Tomato__healthy", "Tomato___", "___healthy", "Tomato____healthy",
        "Tomato_____healthy", "Tomato___Late___blight", "Tomato ___healthy", "Tomato___healthy ",
        " Tomato___healthy", "Tomato___late\nblight", "Tomato/..___healthy", "Tomato___Late;blight",
        "Tomate___mildiou_précoce", "T".repeat(60) + "___" + "x".repeat(60)))
        .noneMatch(LabLabel::isValid);
  }
}
