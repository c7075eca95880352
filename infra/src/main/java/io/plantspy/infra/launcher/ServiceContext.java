package io.plantspy.infra.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What a service is started with: the platform's settings (host, every service's ports, jars), its state folder,
 * and where progress messages for the person go.
 */
public record ServiceContext(PlatformSettings settings, StateFolder state, Consumer<String> out) {

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
