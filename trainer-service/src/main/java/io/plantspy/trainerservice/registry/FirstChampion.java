package io.plantspy.trainerservice.registry;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** At start, before the service reports ready: an empty registry gets the committed release as its champion. */
@Component
@Order(0)
class FirstChampion implements ApplicationRunner {

  private final Releases releases;

  FirstChampion(Releases releases) {
    this.releases = releases;
  }

  @Override
  public void run(ApplicationArguments args) throws Exception {
    releases.registerCommittedChampion();
  }
}
