package io.plantspy.model.store;

import java.io.IOException;

/** A fetched release archive whose bytes do not match the sha256 it was announced with: never to be served. */
public final class CorruptReleaseException extends IOException {

  public CorruptReleaseException(String message) {
    super(message);
  }
}
