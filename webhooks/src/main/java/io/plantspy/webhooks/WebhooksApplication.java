package io.plantspy.webhooks;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The webhook delivery service: subscriptions API, event consumers and the delivery worker. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebhooksApplication {

  public static void main(String[] args) {
    SpringApplication.run(WebhooksApplication.class, args);
  }
}
