package io.plantspy.infra.launcher;

import java.io.IOException;
import java.util.List;

/**
 * One service of the local platform: what {@code up} needs to start it, know when it is ready, and tell the
 * person where it is. Implementations are listed, in start order, in {@link Services#ALL}.
 */
public interface PlatformService {

  /** Its name in logs ({@code NAME.log}), in the state file and in {@code status}: {@code stream-processor}. */
  String name();

  /** The word {@code up --without} takes for it: {@code processor}. */
  String key();

  /**
   * The ports it binds, each overridable on the command line; the first is the one {@code status} checks.
   * Empty for a service that listens on none.
   */
  List<NamedPort> ports();

  /** Starts it; may return before it is ready. */
  ChildProcess start(ServiceContext context) throws IOException, ServiceFailedException;

  /** Returns once it serves what the services started after it need; fails early when the process dies. */
  void awaitReady(ChildProcess process, ServiceContext context) throws ServiceFailedException;

  /** The lines, indented, that {@code up} prints about it once all is ready (URLs, users); none by default. */
  default List<String> summary(ServiceContext context) throws IOException {
    return List.of();
  }
}
