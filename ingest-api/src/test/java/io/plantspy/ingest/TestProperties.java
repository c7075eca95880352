package io.plantspy.ingest;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * {@code @ConfigurationProperties} records built the way the application builds them, by binding: the defaults are
 * the records' own {@code @DefaultValue}s, so tests never restate them.
 */
public final class TestProperties {

  private TestProperties() {}

  /** The record as bound from an empty configuration: every property at its default. */
  public static <T> T defaults(Class<T> type) {
    return bind(type, Map.of());
  }

  /** The record bound from {@code properties}, keyed relative to its prefix (e.g. {@code connect-timeout}). */
  public static <T> T bind(Class<T> type, Map<String, String> properties) {
    ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
    String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
    MapConfigurationPropertySource source = new MapConfigurationPropertySource();
    properties.forEach((key, value) -> source.put(prefix + "." + key, value));
    return new Binder(source).bindOrCreate(prefix, type);
  }
}
