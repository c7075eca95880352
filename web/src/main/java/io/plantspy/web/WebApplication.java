package io.plantspy.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The PlantSpy web app: server-side pages for growers, laboratories and administrators (port 8082). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebApplication {

  public static void main(String[] args) {
    SpringApplication.run(WebApplication.class, args);
  }
}
