package io.plantspy.web.diagnose;

import org.springframework.stereotype.Component;

/**
 * Dataset class names as people read them: {@code Tomato___Early_blight} is "Tomato – Early blight". The templates
 * call it as {@code @classNames}.
 */
@Component("classNames")
public class ClassNames {

  private static final String SEPARATOR = "___";

  public String readable(String className) {
    if (className == null) {
      return "";
    }
    int at = className.indexOf(SEPARATOR);
    if (at < 0) {
      return words(className);
    }
    return words(className.substring(0, at)) + " – " + words(className.substring(at + SEPARATOR.length()));
  }

  /** Underscores are spaces; the dataset's trailing underscores ("Common_rust_") are dropped. */
  public String words(String part) {
    return part == null ? "" : part.replace('_', ' ').trim().replaceAll("\\s+", " ");
  }

  /** A confidence as a whole percentage, for the text beside its bar. */
  public long percent(float confidence) {
    return Math.round(confidence * 100.0);
  }
}
