package io.plantspy.trainer;

import io.plantspy.model.image.ImageLimits;
import io.plantspy.model.image.InvalidImageException;
import io.plantspy.model.image.LeafImagePreprocessor;
import io.plantspy.model.release.ClassifierAnswer;
import io.plantspy.model.release.PlantClassifier;
import io.plantspy.model.release.ReleaseFiles;
import io.plantspy.model.release.LabelConfidence;
import io.plantspy.model.runtime.InferenceOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code trainer classify}: diagnoses image files on this machine with a model release, without the platform.
 * Prints one line per image, or one JSON object per line with {@code --json}.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
    description = "Diagnose leaf photos (files or folders) locally with a model release.")
final class ClassifyCommand implements Callable<Integer> {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Parameters(arity = "1..*", description = "Image files or folders of images.")
  List<Path> inputs;

  @Option(names = "--release", description = "Release folder (default: the one named by models/CURRENT).")
  Path release;

  @Option(names = "--models", defaultValue = "${sys:plantspy.home:-.}/models",
      description = "Models folder (default: ${DEFAULT-VALUE}).")
  Path models;

  @Option(names = "--json", description = "One JSON object per line.")
  boolean json;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path releaseDir = release != null ? release : ReleaseFiles.current(models);
    LeafImagePreprocessor preprocessor = new LeafImagePreprocessor(ImageLimits.defaults());
    int failures = 0;
    try (PlantClassifier classifier = PlantClassifier.load(releaseDir, InferenceOptions.cpu(2))) {
      for (Path file : expand(inputs)) {
        try {
          ClassifierAnswer diagnosis = classifier.diagnose(preprocessor.preprocess(Files.readAllBytes(file)), 1).get(0);
          out.println(json ? toJson(file, diagnosis, classifier.manifest().id()) : toText(file, diagnosis));
        } catch (InvalidImageException e) {
          failures++;
          out.println(json ? JSON.createObjectNode().put("input", file.toString()).put("error", e.getMessage())
              : file + ": error: " + e.getMessage());
        }
      }
    }
    return failures == 0 ? 0 : 1;
  }

  private static List<Path> expand(List<Path> inputs) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        try (Stream<Path> walk = Files.walk(input)) {
          walk.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
      } else {
        files.add(input);
      }
    }
    return files;
  }

  private static String toText(Path file, ClassifierAnswer d) {
    if (d.unknown()) {
      return String.format(Locale.ROOT, "%s: unknown (best guess %s %.2f)", file, d.predictedClass(),
          d.top3().get(0).confidence());
    }
    return String.format(Locale.ROOT, "%s: %s %.2f, %s %.2f%s", file, d.category().orElseThrow().label(),
        d.category().orElseThrow().confidence(), d.health().orElseThrow().label(),
        d.health().orElseThrow().confidence(),
        d.disease().map(x -> String.format(Locale.ROOT, ", %s %.2f", x.label(), x.confidence())).orElse(""));
  }

  private static String toJson(Path file, ClassifierAnswer d, String releaseId) {
    ObjectNode node = JSON.createObjectNode();
    node.put("input", file.toString());
    node.put("class", d.predictedClass());
    node.put("unknown", d.unknown());
    d.category().ifPresent(c -> node.putObject("category").put("label", c.label()).put("confidence", c.confidence()));
    d.health().ifPresent(h -> node.putObject("health").put("label", h.label()).put("confidence", h.confidence()));
    d.disease().ifPresent(x -> node.putObject("disease").put("label", x.label()).put("confidence", x.confidence()));
    var top3 = node.putArray("top3");
    for (LabelConfidence label : d.top3()) {
      top3.addObject().put("label", label.label()).put("confidence", label.confidence());
    }
    node.put("modelRelease", releaseId);
    return node.toString();
  }
}
