package io.plantspy.processor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The stream processor service: hosts the Kafka Streams topology that turns diagnosis requests into results.
 * No web server (see application.properties); the JVM stays up through Kafka Streams' non-daemon threads.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StreamProcessorApplication {

  public static void main(String[] args) {
    SpringApplication.run(StreamProcessorApplication.class, args);
  }
}
