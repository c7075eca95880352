package io.plantspy.feeds.gateway.frame;

/** A frame that cannot be diagnosed: why, in a line for the log. */
public class BadFrameException extends Exception {

  private static final long serialVersionUID = 1L;

  public BadFrameException(String message) {
    super(message);
  }
}
