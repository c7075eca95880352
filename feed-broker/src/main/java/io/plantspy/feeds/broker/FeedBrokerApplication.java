package io.plantspy.feeds.broker;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The feed broker process: MQTT on its own port, no HTTP. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FeedBrokerApplication {

  public static void main(String[] args) {
    builder().run(args);
  }

  /** The application as production starts it: configuration from {@code feed-broker.yaml}, no web server. */
  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(FeedBrokerApplication.class).web(WebApplicationType.NONE)
        .properties("spring.config.name=feed-broker");
  }
}
