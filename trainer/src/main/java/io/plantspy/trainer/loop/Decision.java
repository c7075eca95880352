package io.plantspy.trainer.loop;

import java.util.List;

/** Whether the challenger is promoted, and every reason for it, in words people read. */
public record Decision(boolean promote, List<String> reasons) {

  public Decision {
    reasons = List.copyOf(reasons);
  }
}
