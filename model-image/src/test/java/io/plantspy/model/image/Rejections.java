package io.plantspy.model.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Captures the {@link InvalidImageException} a call must throw, so that tests can read its reason. */
final class Rejections {

  private Rejections() {
  }

  static InvalidImageException rejectionOf(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(InvalidImageException.class);
    return (InvalidImageException) thrown;
  }
}
