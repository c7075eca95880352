package io.plantspy.web.admin;

/** A realm call of the Admin users page that failed, with Keycloak's own message when it gave one. */
public final class UserAdminException extends RuntimeException {

  private final int status;

  public UserAdminException(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** Keycloak's HTTP status, or 0 when it could not be reached. */
  public int status() {
    return status;
  }
}
