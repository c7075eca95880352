package io.plantspy.webhooks;

import io.plantspy.reactiveservice.ClockConfig;
import io.plantspy.reactiveservice.MongoHealthIndicator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** The webhook delivery service: subscriptions API, event consumers and the delivery worker. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({ClockConfig.class, MongoHealthIndicator.class})
public class WebhooksApplication {

  public static void main(String[] args) {
    SpringApplication.run(WebhooksApplication.class, args);
  }
}
