package io.plantspy.e2e;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test methods the {@link ScriptedPlatform}: started at the first request, shared by every test class of
 * the run (starting Keycloak and the services takes minutes), stopped when the run ends. A failed start is kept
 * and reported to every class instead of being retried.
 *
 * <p>A run on containers without a Docker engine skips every class, saying why once. Where the engine is
 * expected ({@value #EXPECT_DOCKER}{@code =true}, as on GitHub's runners) its absence fails them instead: a suite
 * that silently skipped there would prove nothing.
 */
final class ScriptedPlatformExtension implements ParameterResolver, ExecutionCondition {

  static final String EXPECT_DOCKER = "PLANTSPY_EXPECT_DOCKER";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ScriptedPlatformExtension.class);

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (!ScriptedPlatform.onContainers()) {
      return ConditionEvaluationResult.enabled("the platform starts its own parts");
    }
    Optional<String> missing = context.getRoot().getStore(NAMESPACE)
        .computeIfAbsent(DockerCheck.class, key -> DockerCheck.once(), DockerCheck.class).missing();
    if (missing.isEmpty()) {
      return ConditionEvaluationResult.enabled("a Docker engine answers");
    }
    if (Boolean.parseBoolean(System.getenv(EXPECT_DOCKER))) {
      throw new IllegalStateException(EXPECT_DOCKER + " is set, but " + missing.get());
    }
    return ConditionEvaluationResult.disabled("scenarios on containers skipped: " + missing.get());
  }

  /** The one look for a Docker engine in a run, printed once. */
  private record DockerCheck(Optional<String> missing) {
    static DockerCheck once() {
      Optional<String> missing = DockerEngine.missing();
      System.out.println(missing.map(m -> "[e2e] scenarios on containers SKIPPED: " + m
              + " (GitHub's containers job runs them)")
          .orElse("[e2e] scenarios on containers: Kafka, MongoDB and Keycloak start as containers"));
      return new DockerCheck(missing);
    }
  }

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
