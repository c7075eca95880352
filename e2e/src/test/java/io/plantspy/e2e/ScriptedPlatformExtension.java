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
    return context.getRoot().getStore(NAMESPACE).computeIfAbsent(ScriptedPlatform.class, key -> {
      try {
        return ScriptedPlatform.up();
      } catch (Exception e) {
        throw new IllegalStateException("starting the platform with ./plantspy up failed", e);
      }
    }, ScriptedPlatform.class);
  }
}
