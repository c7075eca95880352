package io.plantspy.web.home;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Shares and instants as the pages show them: {@code 0.9652} is "96.5 %", an instant "2026-11-28 17:05 UTC" (the
 * platform's logs and APIs speak UTC too). The templates call it as {@code @figures}.
 */
@Component("figures")
public class Figures {

  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** A share from 0 to 1 as a percentage with one decimal, or a dash when there is none. */
  public String percent(Double share) {
    return share == null || share.isNaN() ? "–" : String.format(Locale.ROOT, "%.1f %%", share * 100);
  }

  /** A change of share, signed: "+2.0 %", "−1.5 %". */
  public String change(Double delta) {
    if (delta == null || delta.isNaN()) {
      return "–";
    }
    return (delta >= 0 ? "+" : "−") + String.format(Locale.ROOT, "%.1f %%", Math.abs(delta) * 100);
  }

  public String time(Instant at) {
    return at == null ? "–" : MINUTES.format(at);
  }
}
