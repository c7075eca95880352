package io.plantspy.trainerservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The trainer service: the learning loop, the release registry and the admin endpoints (port 8083). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TrainerServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(TrainerServiceApplication.class, args);
  }
}
