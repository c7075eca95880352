package io.plantspy.web.api;

import java.util.List;

/** One page of the signed-in user's diagnoses, newest first, and how many match in all. */
public record HistoryPage(List<HistoryEntry> items, int page, int size, long total) {

  public boolean hasNext() {
    return (long) (page + 1) * size < total;
  }
}
