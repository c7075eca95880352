package io.plantspy.trainer.field;

import io.plantspy.model.runtime.Backbone;
import io.plantspy.trainer.data.LabelledImage;
import io.plantspy.trainer.data.Split;
import io.plantspy.trainer.data.TrainingData;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Domain randomisation: the training split's photos under field conditions, as extra training views. Scenes
 * are built from the training split only — its background photos and its leaves — so nothing the field-conditions
 * suite evaluates on (the test split's photos and backgrounds) is ever trained on.
 */
public final class FieldTrainingViews {

  /** Same-class leaves decoded per class for scenes with several leaves (memory stays bounded). */
  private static final int COMPANIONS_PER_CLASS = 20;
  /** Keeps the training scenes' randomness apart from the suite's, even with the same seed. */
  private static final long SEED_SALT = 0x5eed_f1e1dL;

  private FieldTrainingViews() {}

  /**
   * Features of the training photos under each view, keyed by the view's name ({@code FIELD_MIX:2}). A view that
   * puts the leaf into a scene is taken by leaf photos only; a view about the camera (exposure, blur, low
   * resolution...) is also taken by the background class's photos, so that the head does not learn that a
   * washed-out or blurred picture must be a leaf (a plain white picture was answered "corn, healthy" otherwise).
   *
   * @param photosPerClass the first this many training photos of each class (split order) get the views; 0: all
   */
  public static Map<String, Map<String, float[]>> embed(TrainingData data, List<FieldView> views, int photosPerClass,
      long seed, Backbone backbone, Path cacheDir) throws IOException {
    FieldFeatures features = new FieldFeatures(backbone, cacheDir);
    Map<String, FieldScene> scenes = scenes(data, features::decode);
    FieldSuite suite = new FieldSuite(seed ^ SEED_SALT, List.of(FieldCondition.values()), List.of(1, 2, 3));
    Map<String, Map<String, float[]>> result = new LinkedHashMap<>();
    for (FieldView view : views) {
      result.put(view.toString(), features.embed(photosFor(data, view, photosPerClass), suite, view.condition(),
          view.severity(), scenes::get, "train" + seed));
    }
    return result;
  }

  /**
   * The training photos that take {@code view}: the first {@code photosPerClass} of each class (0: all), the
   * background class's only when the view is about the camera rather than a scene.
   */
  static List<LabelledImage> photosFor(TrainingData data, FieldView view, int photosPerClass) {
    Map<String, Integer> taken = new HashMap<>();
    return data.split(Split.TRAIN).stream()
        .filter(i -> !view.condition().needsScene() || !i.label().equals(data.backgroundLabel()))
        .filter(i -> photosPerClass == 0 || taken.merge(i.label(), 1, Integer::sum) <= photosPerClass)
        .toList();
  }

  /** The background photos of the training split: the only ones training scenes are drawn on. */
  public static List<LabelledImage> trainingBackgroundPhotos(TrainingData data) {
    if (data.backgroundLabel() == null) {
      throw new IllegalArgumentException("field training views need background photos (--background)");
    }
    return data.split(Split.TRAIN).stream().filter(i -> i.label().equals(data.backgroundLabel())).toList();
  }

  /** Each leaf class's training scene: the training backgrounds and up to 20 training leaves of the class. */
  static Map<String, FieldScene> scenes(TrainingData data, Function<LabelledImage, BufferedImage> decoder) {
    List<BufferedImage> backgrounds = trainingBackgroundPhotos(data).stream().map(decoder).toList();
    Map<String, List<BufferedImage>> companions = new LinkedHashMap<>();
    for (LabelledImage leaf : trainingLeaves(data)) {
      List<BufferedImage> ofClass = companions.computeIfAbsent(leaf.label(), k -> new ArrayList<>());
      if (ofClass.size() < COMPANIONS_PER_CLASS) {
        ofClass.add(decoder.apply(leaf));
      }
    }
    Map<String, FieldScene> scenes = new HashMap<>();
    companions.forEach((label, photos) -> scenes.put(label, new FieldScene(backgrounds, photos)));
    return scenes;
  }

  private static List<LabelledImage> trainingLeaves(TrainingData data) {
    return data.split(Split.TRAIN).stream().filter(i -> !i.label().equals(data.backgroundLabel())).toList();
  }
}
