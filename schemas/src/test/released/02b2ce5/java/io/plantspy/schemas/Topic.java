package io.plantspy.schemas;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/** A Kafka topic with the serdes of its keys and values, so producers and consumers cannot disagree on them. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
  }
}
