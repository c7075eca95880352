package io.plantspy.infra.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What a service is started with: the platform's settings (host, every service's ports, jars), its state folder,
 * where progress messages for the person go, and whether what it prints may include passwords.
 *
 * @param showSecrets print passwords in the summary: on the first start (when they are generated) or when asked
 */
public record ServiceContext(PlatformSettings settings, StateFolder state, Consumer<String> out,
    boolean showSecrets) {

  /** This context with passwords shown or not. */
  ServiceContext withSecretsShown(boolean show) {
    return new ServiceContext(settings, state, out, show);
  }

  /** The executable jar {@code service} runs, as given to the launcher; fails, saying how to give it, if absent. */
  Path jar(String service) throws ServiceFailedException {
    Path jar = settings.jar(service).orElseThrow(() -> new ServiceFailedException(service, "no executable jar given "
        + "(-D" + PlatformSettings.JAR_PROPERTY_PREFIX + service + "=PATH; ./plantspy up builds and passes it)",
        null, null));
    if (!Files.isRegularFile(jar)) {
      throw new ServiceFailedException(service, "its jar " + jar + " does not exist", null, null);
    }
    return jar;
  }
}
