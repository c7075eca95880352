package io.plantspy.ingest.limits;

import org.springframework.stereotype.Component;

/** The API's three budgets, sized by {@link LimitProperties}: upload bytes, URL fetches and waiters. */
@Component
public class ConcurrencyLimits {

  private final Permits uploads;
  private final Permits fetches;
  private final Permits waiters;

  public ConcurrencyLimits(LimitProperties props) {
    this.uploads = new Permits("upload bytes", props.uploadBytes().toBytes(), props.uploadBytesPerCaller().toBytes());
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
