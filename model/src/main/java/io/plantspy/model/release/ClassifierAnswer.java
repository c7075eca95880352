package io.plantspy.model.release;

import java.util.List;
import java.util.Optional;

/**
 * What the classifier answers for one image (the processor turns it into the Avro {@code Diagnosis} the platform
 * sends). When {@code unknown} is true the image is not confidently one of
 * the known leaf classes (or not a leaf at all) and {@code category}, {@code health} and {@code disease}
 * are empty; {@code top3} is still given for transparency.
 *
 * @param predictedClass the most probable class label (may be the background label)
 * @param category crop, with the summed probability of that crop's classes
 * @param health "healthy" or "sick", with the summed probability of the top class's crop's classes of that kind
 * @param disease the disease name when sick, with the top class's probability
 */
public record ClassifierAnswer(
    String predictedClass,
    boolean unknown,
    Optional<LabelConfidence> category,
    Optional<LabelConfidence> health,
    Optional<LabelConfidence> disease,
    List<LabelConfidence> top3) {}
