package io.plantspy.infra.launcher;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The platform's services, in start order: each one depends only on those before it. */
public final class Services {

  /** Adding a service to {@code ./plantspy up} is adding it here, after what it needs. */
  public static final List<PlatformService> ALL = List.of(
      new KafkaService(),
      new MongoService(),
      new KeycloakService(),
      new ProcessorService(),
      new ApiService(),
      new TrainerService(),
      new WebhookService(),
      new FeedBrokerService(),
      new FeedGatewayService(),
      new WebAppService());

  private Services() {}

  /** The service {@code up --without} means by {@code key}, in any case. */
  static Optional<PlatformService> byKey(String key) {
    return ALL.stream().filter(s -> s.key().equals(key.toLowerCase(Locale.ROOT))).findFirst();
  }

  /** Every service's ports, in start order. */
  public static List<NamedPort> ports() {
    return ALL.stream().flatMap(s -> s.ports().stream()).toList();
  }

  /** The keys {@code --without} accepts, for its help text. */
  static final class Keys implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return ALL.stream().map(PlatformService::key).iterator();
    }
  }
}
