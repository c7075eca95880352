package io.plantspy.trainer.fit;

import io.plantspy.model.release.ReleaseManifest;
import io.plantspy.trainer.eval.Evaluation;
import io.plantspy.trainer.field.FieldView;
import io.plantspy.trainer.eval.ReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Writes {@code MODEL_CARD.md}: what the release is, what it was trained on, how well it does, and its limits. */
final class ModelCard {

  private ModelCard() {}

  static void write(Path file, ReleaseManifest manifest, Evaluation test, Map<String, Double> holdOut,
      TrainingRequest request) throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("# Model card: ").append(manifest.id()).append("\n\n");
    md.append("Created ").append(manifest.createdAt()).append(" by `trainer train` (seed ").append(request.seed())
        .append(").\n\n");
    md.append("## What it does\n\n")
        .append("Given a photo of one leaf, answers the **crop** (category), its **health** (healthy / sick) and, ")
        .append("when sick, the **disease**, each with a confidence, plus the top-3 classes. It knows ")
        .append(manifest.labels().size() - (manifest.backgroundLabel() == null ? 0 : 1))
        .append(" PlantVillage classes. Anything else should come out `unknown`.\n\n");
    md.append("## Model\n\n")
        .append("- Backbone: MobileNetV2 1.4 (224×224), frozen, converted from the TF.js graph in the npm package ")
        .append("`nsfwjs@4.4.0` (MIT; ImageNet-initialised TF-Hub `imagenet/mobilenet_v2_140_224`, fine-tuned by ")
        .append("nsfwjs) into ONNX by the project's converter. sha256 `").append(manifest.backboneSha256())
        .append("`; loading checks it.\n")
        .append("- Features (`").append(manifest.backboneFile()).append("`): ")
        .append(manifest.backboneGraph().description()).append("\n")
        .append("- Head: ").append(manifest.training().get("head")).append(", exported to ONNX (`")
        .append(manifest.headFile()).append("`, sha256 `").append(manifest.headSha256()).append("`).\n")
        .append("- Preprocessing (shared by training and serving): decode JPEG/PNG/WebP (large photos subsampled), ")
        .append("apply EXIF orientation, RGB, plain bilinear resize to 224×224, scale to [0, 1].\n\n");
    md.append("## Data\n\n")
        .append("- Leaf images: `").append(manifest.training().get("dataset")).append("` (PlantVillage colour ")
        .append("photos, one folder per `Crop___Disease` class, up to 300 each).\n")
        .append("- Non-leaf photos: `").append(manifest.training().get("background"))
        .append("`, trained as the background label `").append(manifest.backgroundLabel())
        .append("`, which is answered as `unknown`.\n")
        .append("- Split: ").append(manifest.training().get("split")).append(": ")
        .append(manifest.training().get("train_images")).append(" train, ")
        .append(manifest.training().get("validation_images")).append(" validation, ")
        .append(manifest.training().get("test_images")).append(" test.\n")
        .append("- Training views of each image: ").append(manifest.training().get("augmentations"))
        .append(" (embedded separately; validation and test use the photo as it is).\n");
    if (manifest.training().containsKey("field_views")) {
      md.append("- Field views (domain randomisation) of each training leaf photo: ")
          .append(manifest.training().get("field_views")).append(".\n");
    }
    md.append("\n");
    md.append("## Open set (`unknown`)\n\n")
        .append("An image is answered `unknown` when the most probable class is the background class, when ")
        .append("the most probable class has probability below **")
        .append(String.format(Locale.ROOT, "%.3f", manifest.thresholds().minConfidence())).append("**");
    if (manifest.thresholds().usesClassDistance()) {
      md.append(", or when its distance to that class is above **")
          .append(String.format(Locale.ROOT, "%.1f", manifest.thresholds().maxClassDistance()))
          .append("**. The distance (`").append(manifest.classDistances().file()).append("`) is the ")
          .append(manifest.classDistances().method()).append(". Both thresholds are chosen on the validation ")
          .append("split: the confidence threshold is the highest (0.01 steps, 0.001 above 0.99) that turns at ")
          .append("most ").append(percent(request.maxLostCorrect() * ThresholdCalibrator.SOFTMAX_SHARE))
          .append(" of the correct answers into `unknown`, the distance threshold the lowest that keeps both ")
          .append("together within ").append(percent(request.maxLostCorrect())).append(".\n\n");
    } else {
      md.append(". That threshold is the highest (0.01 steps, 0.001 above 0.99) that turns at most ")
          .append(percent(request.maxLostCorrect())).append(" of the correct validation answers into `unknown`.\n\n");
    }
    if (!holdOut.isEmpty()) {
      md.append("Unseen classes: a head trained the same way without ").append(request.holdOut())
          .append(" answered `unknown` for ").append(percent(holdOut.get("held_out_unknown")))
          .append(" of their images (per class: ");
      holdOut.forEach((k, v) -> {
        if (k.startsWith("held_out_unknown.")) {
          md.append(k.substring("held_out_unknown.".length())).append(' ').append(percent(v)).append("; ");
        }
      });
      md.setLength(md.length() - 2);
      md.append("). Each rule below is calibrated on that head's validation split with the same budget and shown ")
          .append("the same images:\n\n")
          .append("| rule | unseen classes → `unknown` | correct test answers lost to `unknown` |\n|---|---|---|\n");
      for (String[] rule : new String[][] {{"max_softmax", "max-softmax alone (releases before this one)"},
          {"class_distance", "class distance alone"}, {"max_softmax_or_class_distance", "either (served)"}}) {
        Double unknown = holdOut.get("held_out_rule." + rule[0] + ".unknown");
        if (unknown != null) {
          md.append("| ").append(rule[1]).append(" | ").append(percent(unknown)).append(" | ")
              .append(percent(holdOut.get("held_out_rule." + rule[0] + ".lost_correct"))).append(" |\n");
        }
      }
      md.append("\nThe rest got a confident wrong answer: an unseen *disease* of a known crop ")
          .append("is the hardest to reject; an unseen crop is far from every class.\n\n");
    }
    md.append("## Results on the test split\n\n");
    md.append(ReportWriter.markdown(test, "Test split").replaceFirst("# Test split\n\n", "")
        .replace("](confusion-matrix.png)", "](evaluation/confusion-matrix.png)"));
    md.append("\nONNX Runtime and the trainer agree on the class of ")
        .append(String.format(Locale.ROOT, "%.1f %%", manifest.metrics().get("onnx_matches_trainer") * 100))
        .append(" of the test images.\n\n");
    md.append("## Known limits\n\n")
        .append("- Seven PlantVillage classes have no training images here (Grape black rot, esca and leaf blight, ")
        .append("Peach bacterial spot and healthy, Soybean healthy, Squash powdery mildew): the model cannot ")
        .append("name them and they should come out `unknown`, which the held-out experiment shows is not ")
        .append("guaranteed.\n")
        .append("- PlantVillage is one lab collection of single leaves on plain backgrounds; accuracy on field ")
        .append("photos (several leaves, soil, shadows, other cameras) will be lower than these figures.\n")
        .append("- Background bias: many corn common-rust and some tomato late-blight photos are on black ")
        .append("backgrounds; Grape___healthy images were resized and re-encoded at their source (224×224), a ")
        .append("shortcut the model may use.\n")
        .append("- Potato___healthy has only 120 images and Apple___Cedar_apple_rust 241.\n")
        .append("- The non-leaf class is general scene photos: it teaches rejection of obvious non-leaves only.\n\n");
    md.append("## Reproduce\n\n```\n./mvnw -q -pl trainer -am package -DskipTests\n")
        .append("./plantspy train --dataset DATASET --background BACKGROUND ")
        .append("--release-id ").append(manifest.id()).append(" --seed ").append(request.seed())
        .append(recipeOptions(request)).append("\n```\n");
    Files.writeString(file, md.toString());
  }

  /** The training options of {@code train} that give this release's recipe, each written out. */
  static String recipeOptions(TrainingRequest request) {
    HeadSettings head = request.head();
    StringBuilder options = new StringBuilder();
    options.append(" --head ").append(head.kind()).append(" --epochs ").append(head.epochs())
        .append(" --learning-rate ").append(head.learningRate()).append(" --minibatch ").append(head.minibatch());
    if (head.kind() == HeadKind.MLP) {
      options.append(" --hidden-units ").append(head.hiddenUnits()).append(" --dropout ").append(head.dropout());
    }
    options.append(" --augment ").append(request.augmentations().stream().map(Enum::name)
        .collect(java.util.stream.Collectors.joining(",")));
    if (!request.fieldViews().isEmpty()) {
      options.append(" --field-views ").append(request.fieldViews().stream().map(FieldView::toString)
          .collect(java.util.stream.Collectors.joining(","))).append(" --field-view-photos ")
          .append(request.fieldViewPhotosPerClass());
    }
    options.append(" --max-lost-correct ").append(request.maxLostCorrect()).append(" --backbone ")
        .append(request.backbone());
    if (!request.holdOut().isEmpty()) {
      options.append(" --hold-out \"").append(String.join(",", request.holdOut())).append('"');
    }
    return options.toString();
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f %%", share * 100);
  }
}
