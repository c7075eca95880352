package io.plantspy.trainer;

import io.plantspy.model.runtime.BackboneGraph;
import io.plantspy.trainer.embed.Augmentation;
import io.plantspy.trainer.embed.EmbeddingCache;
import io.plantspy.trainer.field.FieldView;
import io.plantspy.trainer.fit.HeadKind;
import io.plantspy.trainer.fit.HeadSettings;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of every command that trains a head: its hyper-parameters, the views embedded, the open-set budget. */
final class HeadTrainingOptions {

  @Option(names = "--epochs", defaultValue = "10")
  int epochs;

  @Option(names = "--head", defaultValue = "LOGISTIC",
      description = "Classification head: LOGISTIC (Tribuo logistic regression) or MLP (one hidden ReLU layer, "
          + "dropout, Adam) (default: ${DEFAULT-VALUE}).")
  HeadKind head;

  @Option(names = "--learning-rate",
      description = "Initial learning rate (default: 0.1 for the logistic head's AdaGrad, 0.001 for the MLP's Adam).")
  Double learningRate;

  @Option(names = "--minibatch", description = "Examples per gradient step (default: 16 logistic, 128 MLP).")
  Integer minibatch;

  @Option(names = "--hidden-units", defaultValue = "256",
      description = "Width of the MLP's hidden layer (default: ${DEFAULT-VALUE}).")
  int hiddenUnits;

  @Option(names = "--dropout", defaultValue = "0.2",
      description = "Share of the MLP's hidden units dropped per training step (default: ${DEFAULT-VALUE}).")
  double dropout;

  @Option(names = "--augment", split = ",",
      defaultValue = "NONE,FLIP_HORIZONTAL,FLIP_VERTICAL,ROTATE_90,ROTATE_270,ZOOM_CENTER",
      description = "Training views to embed (default: ${DEFAULT-VALUE}).")
  List<Augmentation> augmentations;

  @Option(names = "--field-views", split = ",", converter = FieldViewConverter.class,
      description = "Field conditions to also embed every training leaf photo under, as CONDITION:SEVERITY "
          + "(e.g. FIELD_MIX:1,FIELD_MIX:2): domain randomisation on training-split backgrounds only (default: none).")
  List<FieldView> fieldViews = List.of();

  @Option(names = "--field-view-photos", defaultValue = "0",
      description = "Training photos per class that get the --field-views (0: all; default: ${DEFAULT-VALUE}).")
  int fieldViewPhotosPerClass;

  @Option(names = "--max-lost-correct", defaultValue = "0.02",
      description = "Share of correct validation answers the open-set thresholds together may turn into unknown "
          + "(default: ${DEFAULT-VALUE}).")
  double maxLostCorrect;

  @Option(names = "--backbone", defaultValue = "TAPS",
      description = "Backbone features the head learns: TAPS (blocks 6, 9, 13), WHOLE (the whole network's 1,792)"
          + " or TAPS_AND_WHOLE (both, one pass); the release serves with the same (default: ${DEFAULT-VALUE}).")
  BackboneGraph backbone;

  @Option(names = "--cache", description = "Embedding cache folder (default: ~/.cache/plantspy/embeddings).")
  Path cache;

  static final class FieldViewConverter implements picocli.CommandLine.ITypeConverter<FieldView> {
    @Override
    public FieldView convert(String value) {
      return FieldView.parse(value);
    }
  }

  HeadSettings head(long seed) {
    boolean mlp = head == HeadKind.MLP;
    return new HeadSettings(head, epochs, learningRate != null ? learningRate : mlp ? 0.001 : 0.1,
        minibatch != null ? minibatch : mlp ? 128 : 16, seed, hiddenUnits, dropout);
  }

  Path cacheDir() {
    return cache != null ? cache : EmbeddingCache.defaultDir();
  }
}
