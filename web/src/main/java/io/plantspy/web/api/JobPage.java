package io.plantspy.web.api;

import java.util.List;

/** One page of the signed-in user's jobs, newest first. */
public record JobPage(List<Job> items, int page, int size, long total) {

  public boolean hasNext() {
    return (long) (page + 1) * size < total;
  }
}
