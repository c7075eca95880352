package io.plantspy.ingest.limits;

import org.springframework.stereotype.Component;

/** The API's three counted resources, sized by {@link LimitProperties}. */
@Component
public class ConcurrencyLimits {

  private final Permits uploads;
  private final Permits fetches;
  private final Permits waiters;

  public ConcurrencyLimits(LimitProperties props) {
    this.uploads = new Permits("uploads", props.uploads(), props.uploadsPerCaller());
    this.fetches = new Permits("URL fetches", props.fetches(), props.fetchesPerCaller());
    this.waiters = new Permits("waiting requests", props.waiters(), props.waitersPerCaller());
  }

  public Permits uploads() {
    return uploads;
  }

  public Permits fetches() {
    return fetches;
  }

  public Permits waiters() {
    return waiters;
  }
}
