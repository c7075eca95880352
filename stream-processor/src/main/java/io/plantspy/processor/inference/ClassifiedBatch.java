package io.plantspy.processor.inference;

import io.plantspy.model.release.ClassifierAnswer;
import java.util.List;

/**
 * The answers of one model call and the release that computed them, which every result of the batch records.
 *
 * @param releaseId the id of the release whose session ran the batch
 * @param answers one per image, in the order of the batch
 */
public record ClassifiedBatch(String releaseId, List<ClassifierAnswer> answers) {

  public ClassifiedBatch {
    answers = List.copyOf(answers);
  }
}
