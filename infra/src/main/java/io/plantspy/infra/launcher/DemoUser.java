package io.plantspy.infra.launcher;

import java.util.List;

/** A demo user of the {@code plantspy} realm that the launcher creates at first start, with its realm roles. */
public record DemoUser(String username, List<String> roles) {

  public static final List<DemoUser> ALL = List.of(
      new DemoUser("admin", List.of("admin")),
      new DemoUser("lab", List.of("lab")),
      new DemoUser("grower", List.of("category", "health", "disease")),
      new DemoUser("viewer", List.of("category")));

  public DemoUser {
    roles = List.copyOf(roles);
  }
}
