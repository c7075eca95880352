package io.plantspy.ingest.lab;

import io.plantspy.ingest.problem.ApiProblem;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * The class name a lab sample is labelled with: {@code Crop___Disease} or {@code Crop___healthy}, spelled as the
 * base dataset's folders and the model's labels are, e.g. {@code Corn_(maize)___Cercospora_leaf_spot Gray_leaf_spot},
 * {@code Pepper,_bell___healthy}, {@code Tomato___Spider_mites Two-spotted_spider_mite},
 * {@code Corn_(maize)___Common_rust_}.
 * A class the champion does not know is allowed if it is spelled the same way.
 */
final class LabLabel {

  static final int MAX_LENGTH = 120;

  /**
   * Letters, digits, {@code _ ( ) , -} and spaces on both sides of exactly one {@code ___}; the crop neither
   * starts nor ends with {@code _} or a space (so the separator is unambiguous), the condition does not start with
   * one nor end with a space. Public for the OpenAPI document.
   */
  static final String PATTERN = "^(?!.*___.*___)[A-Za-z0-9(](?:[A-Za-z0-9_(),\\- ]*[A-Za-z0-9()])?"
      + "___[A-Za-z0-9(](?:[A-Za-z0-9_(),\\- ]*[A-Za-z0-9_()])?$";

  private static final Pattern LABEL = Pattern.compile(PATTERN);

  private LabLabel() {}

  static boolean isValid(String label) {
    return label != null && label.length() <= MAX_LENGTH && LABEL.matcher(label).matches();
  }

  /** {@code label} if it is a class name, else a 400 problem {@code bad-label}. */
  static String require(String label) {
    if (label == null || label.isBlank()) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad-label", "Bad label",
          "the field label is required: a class name like Tomato___Late_blight or Tomato___healthy");
    }
    if (!isValid(label)) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad-label", "Bad label", "label '" + abbreviate(label)
          + "' is not a class name: Crop___Disease or Crop___healthy, at most " + MAX_LENGTH + " characters of "
          + "letters, digits, spaces and _ ( ) , - with exactly one ___ between crop and condition");
    }
    return label;
  }

  private static String abbreviate(String s) {
    return s.length() <= MAX_LENGTH ? s : s.substring(0, MAX_LENGTH) + "...";
  }
}
