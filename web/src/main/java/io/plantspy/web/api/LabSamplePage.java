package io.plantspy.web.api;

import java.util.List;

/** One page of lab samples (not withdrawn, of every lab), newest first, and how many match in all. */
public record LabSamplePage(List<LabSample> items, int page, int size, long total) {

  public LabSamplePage {
    items = items == null ? List.of() : List.copyOf(items);
  }
}
