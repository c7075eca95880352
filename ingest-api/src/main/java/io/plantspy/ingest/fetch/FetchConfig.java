package io.plantspy.ingest.fetch;

import io.plantspy.ingest.image.ImageProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the one {@link ImageFetcher}, whose byte cap is the accepted image size. */
@Configuration(proxyBeanMethods = false)
public class FetchConfig {

  @Bean
  ImageFetcher imageFetcher(FetchProperties fetch, ImageProperties images) {
    return new ImageFetcher(fetch, images.maxSize().toBytes());
  }
}
