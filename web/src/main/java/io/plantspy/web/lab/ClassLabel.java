package io.plantspy.web.lab;

import java.util.regex.Pattern;

/**
 * The spelling of a class a lab sample is labelled with, checked before sending so that a typo is explained on
 * the page at once: {@code Crop___Disease} or {@code Crop___healthy}, as the base dataset's folders (e.g.
 * {@code Corn_(maize)___Common_rust_}). The same rule as the ingest API's, which remains the judge.
 */
final class ClassLabel {

  static final int MAX_LENGTH = 120;

  /**
   * Also the form field's {@code pattern}, so a browser refuses the typo before the page is even sent; the
   * brackets are escaped inside classes because browsers read {@code pattern} in JavaScript's {@code v} mode.
   */
  static final String PATTERN = "(?!.*___.*___)[A-Za-z0-9\\(](?:[A-Za-z0-9_\\(\\),\\- ]*[A-Za-z0-9\\(\\)])?"
      + "___[A-Za-z0-9\\(](?:[A-Za-z0-9_\\(\\),\\- ]*[A-Za-z0-9_\\(\\)])?";

  private static final Pattern LABEL = Pattern.compile(PATTERN);

  private ClassLabel() {}

  static boolean isValid(String label) {
    return label != null && label.length() <= MAX_LENGTH && LABEL.matcher(label).matches();
  }
}
