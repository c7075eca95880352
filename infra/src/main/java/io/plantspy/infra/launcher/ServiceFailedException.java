package io.plantspy.infra.launcher;

import java.nio.file.Path;

/** A service that did not start or become ready; carries its name and log so the user sees why. */
public final class ServiceFailedException extends Exception {

  private final String service;
  private final Path log;

  public ServiceFailedException(String service, String reason, Path log, Throwable cause) {
    super(service + ": " + reason, cause);
    this.service = service;
    this.log = log;
  }

  public String service() {
    return service;
  }

  /** The end of the service's log, or an empty string when it has none. */
  public String logTail(int lines) {
    return log == null ? "" : "--- last lines of " + log + " ---\n" + ChildProcess.tail(log, lines);
  }
}
