package io.plantspy.web.api;

import java.util.function.Supplier;

/**
 * An API's answer or why there is none, for a page that shows several APIs' answers side by side: one refusing
 * (a role the user lacks, a service down) leaves the others shown.
 */
public record ApiResult<T>(T value, ApiException problem) {

  public static <T> ApiResult<T> of(Supplier<T> call) {
    try {
      return new ApiResult<>(call.get(), null);
    } catch (ApiException e) {
      return new ApiResult<>(null, e);
    }
  }

  public boolean ok() {
    return problem == null;
  }
}
