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
    new SpringApplicationBuilder(FeedBrokerApplication.class).web(WebApplicationType.NONE).run(args);
  }
}
