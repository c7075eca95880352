package io.plantspy.ingest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of the ingest API: the reactive HTTP front door of PlantSpy. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IngestApiApplication {

  public static void main(String[] args) {
    SpringApplication.run(IngestApiApplication.class, args);
  }
}
