package io.plantspy.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** {@code infra/compose/compose.yaml} against the images the build produces and the services' properties. */
class ComposeFileTest {

  private static Map<String, Map<String, Object>> services;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void parse() throws Exception {
    Map<String, Object> compose = new Yaml().load(Files.readString(Repository.resolve("infra/compose/compose.yaml")));
    services = (Map<String, Map<String, Object>>) compose.get("services");
  }

  @Test
  void runsEveryImageTheBuildProducesAndNoOther() throws Exception {
    List<String> plantspyImages = new ArrayList<>();
    for (Map<String, Object> service : services.values()) {
      ServiceImage.plantspyName(String.valueOf(service.get("image"))).ifPresent(plantspyImages::add);
    }
    assertThat(plantspyImages).containsExactlyInAnyOrderElementsOf(ServiceImage.names());
  }

  @Test
  void everyVariableOfAServiceConfiguresThatService() throws Exception {
    Map<String, String> moduleByImage = new LinkedHashMap<>();
    for (ServiceImage image : ServiceImage.all()) {
      moduleByImage.put(image.name(), image.module());
    }
    List<String> unbound = new ArrayList<>();
    int checked = 0;
    for (var entry : services.entrySet()) {
      Optional<String> image = ServiceImage.plantspyName(String.valueOf(entry.getValue().get("image")));
      if (image.isEmpty()) {
        continue;
      }
      ServiceConfiguration configuration = ServiceConfiguration.of(moduleByImage.get(image.get()));
      for (String variable : environment(entry.getValue()).keySet()) {
        checked++;
        if (!configuration.accepts(variable)) {
          unbound.add(entry.getKey() + ": " + variable);
        }
      }
    }
    assertThat(checked).as("variables checked").isPositive();
    assertThat(unbound).as("variables that configure nothing in their service").isEmpty();
  }

  @Test
  void createsEveryPlatformTopicWithItsCleanupPolicy() {
    String command = String.valueOf(((List<?>) services.get("kafka-topics").get("command")).get(0));
    Map<String, String> created = new LinkedHashMap<>();
    Matcher m = Pattern.compile("(?m)^\\s*create (\\S+) (\\d+)(?: (\\w+))?\\s*$").matcher(command);
    while (m.find()) {
      created.put(m.group(1), m.group(3) == null ? "delete" : m.group(3));
    }
    assertThat(created).isEqualTo(PlatformTopics.cleanupPolicies());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> environment(Map<String, Object> service) {
    Object environment = service.get("environment");
    return environment == null ? Map.of() : (Map<String, Object>) environment;
  }
}
