package io.plantspy.trainerservice.security;

/** The Keycloak realm roles this service knows: {@code admin} runs and promotes, {@code lab} may look. */
public final class Roles {

  public static final String ADMIN = "admin";
  public static final String LAB = "lab";

  private Roles() {}
}
