package io.plantspy.feeds.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The feed gateway: device registry API, MQTT frame intake, results back to devices, alerts and the field map. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FeedGatewayApplication {

  public static void main(String[] args) {
    SpringApplication.run(FeedGatewayApplication.class, args);
  }
}
