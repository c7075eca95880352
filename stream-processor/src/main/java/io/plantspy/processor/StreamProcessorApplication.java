package io.plantspy.processor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The stream processor service: hosts the Kafka Streams topology that turns diagnosis requests into results.
 * Its HTTP server serves the actuator only (health, prometheus; see application.properties).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StreamProcessorApplication {

  public static void main(String[] args) {
    SpringApplication.run(StreamProcessorApplication.class, args);
  }
}
