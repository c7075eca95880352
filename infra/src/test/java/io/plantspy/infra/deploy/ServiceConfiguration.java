package io.plantspy.infra.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What a service can be configured with through its environment: the properties of its configuration metadata
 * (its own records, written by spring-boot-configuration-processor into its build output, and the Spring Boot
 * properties on this test's classpath: Kafka, MongoDB, web server), and the {@code ${NAME}} placeholders of its
 * configuration file. An environment variable is bound the way Spring Boot binds it.
 */
final class ServiceConfiguration {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
  private static final String METADATA = "META-INF/spring-configuration-metadata.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Property> properties;
  private final Set<String> placeholders;

  private record Property(ConfigurationPropertyName name, boolean isMap) {}

  private ServiceConfiguration(List<Property> properties, Set<String> placeholders) {
    this.properties = properties;
    this.placeholders = placeholders;
  }

  private static final Map<String, ServiceConfiguration> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

  /** The configuration of {@code module}, read once per test run. */
  static ServiceConfiguration of(String module) throws IOException {
    ServiceConfiguration loaded = LOADED.get(module);
    if (loaded == null) {
      loaded = load(module);
      LOADED.put(module, loaded);
    }
    return loaded;
  }

  private static ServiceConfiguration load(String module) throws IOException {
    Path moduleDir = Repository.resolve(module);
    Path own = moduleDir.resolve("target/classes").resolve(METADATA);
    if (!Files.isRegularFile(own)) {
      throw new IllegalStateException(own + " is missing: build " + module + " first (its pom runs "
          + "spring-boot-configuration-processor)");
    }
    List<Property> properties = new ArrayList<>();
    try (InputStream in = Files.newInputStream(own)) {
      read(in, properties);
    }
    Enumeration<URL> boot = ServiceConfiguration.class.getClassLoader().getResources(METADATA);
    while (boot.hasMoreElements()) {
      try (InputStream in = boot.nextElement().openStream()) {
        read(in, properties);
      }
    }
    Set<String> placeholders = new HashSet<>();
    try (Stream<Path> files = Files.list(moduleDir.resolve("src/main/resources"))) {
      for (Path file : files.filter(f -> f.getFileName().toString().matches(".*\\.(ya?ml|properties)")).toList()) {
        Matcher m = PLACEHOLDER.matcher(Files.readString(file));
        while (m.find()) {
          placeholders.add(m.group(1));
        }
      }
    }
    return new ServiceConfiguration(properties, placeholders);
  }

  /**
   * Whether {@code variable} configures this service: it is a placeholder of its configuration file, or Spring
   * Boot's relaxed binding maps it to one of its properties (or into a map-valued one).
   */
  boolean accepts(String variable) {
    if (placeholders.contains(variable)) {
      return true;
    }
    ConfigurationPropertySource environment = ConfigurationPropertySource.from(new SystemEnvironmentPropertySource(
        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, "value")));
    // Only properties under the variable's first word can bind it (PLANTSPY_ ... plantspy.*): skips most lookups.
    String root = variable.split("_", 2)[0].toLowerCase(java.util.Locale.ROOT);
    for (Property property : properties) {
      if (!property.name().getElement(0, ConfigurationPropertyName.Form.UNIFORM).equals(root)) {
        continue;
      }
      ConfigurationProperty bound = environment.getConfigurationProperty(property.name());
      if (bound != null) {
        return true;
      }
      if (property.isMap()
          && environment.containsDescendantOf(property.name()) == ConfigurationPropertyState.PRESENT) {
        return true;
      }
    }
    return false;
  }

  private static void read(InputStream in, List<Property> into) throws IOException {
    JsonNode root = JSON.readTree(in);
    for (JsonNode property : root.path("properties")) {
      String name = property.path("name").asString();
      if (ConfigurationPropertyName.isValid(name)) {
        into.add(new Property(ConfigurationPropertyName.of(name),
            property.path("type").asString("").startsWith("java.util.Map")));
      }
    }
  }
}
