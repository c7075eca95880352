package io.plantspy.reactiveservice;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of a service, UTC: every feature reads time from it, so a test can move time by declaring its own.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfig {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }
}
