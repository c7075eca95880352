package io.plantspy.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test methods the {@link ScriptedPlatform}: started at the first request, shared by every test class of
 * the run (starting Keycloak and the services takes minutes), stopped when the run ends. A failed start is kept
 * and reported to every class instead of being retried.
 */
final class ScriptedPlatformExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ScriptedPlatformExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == ScriptedPlatform.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    // The outcome, failure included, is what the store keeps: the store does not promise to keep a thrown
    // exception, and a second start after a slow first one would leave two platforms on the cores.
    return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Start.class, key -> Start.attempt(), Start.class)
        .platform();
  }

  /** The one start of the run: its platform, or why it failed. Closed with the run's root store. */
  private record Start(ScriptedPlatform running, Exception failure) implements AutoCloseable {

    static Start attempt() {
      try {
        return new Start(ScriptedPlatform.up(), null);
      } catch (Exception e) {
        return new Start(null, e);
      }
    }

    ScriptedPlatform platform() {
      if (failure != null) {
        throw new IllegalStateException("starting the platform with ./plantspy up failed", failure);
      }
      return running;
    }

    @Override
    public void close() throws Exception {
      if (running != null) {
        running.close();
      }
    }
  }
}
