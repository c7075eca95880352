package io.plantspy.trainerservice.registry;

/** The registry's aliases: {@code champion} is served, {@code challenger} the latest run's release, {@code previous}
 * the champion before the current one. */
public final class Alias {

  public static final String CHAMPION = "champion";
  public static final String CHALLENGER = "challenger";
  public static final String PREVIOUS = "previous";

  private Alias() {}
}
