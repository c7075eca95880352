package io.plantspy.feeds.gateway;

import io.plantspy.reactiveservice.ClockConfig;
import io.plantspy.reactiveservice.MongoHealthIndicator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** The feed gateway: device registry API, MQTT frame intake, results back to devices, alerts and the field map. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({ClockConfig.class, MongoHealthIndicator.class})
public class FeedGatewayApplication {

  public static void main(String[] args) {
    SpringApplication.run(FeedGatewayApplication.class, args);
  }
}
