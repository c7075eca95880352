package io.plantspy.ingest.mongo;

import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.ReactiveMongoClientFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the reactive MongoDB client on the driver's own JDK socket transport instead of the Netty transport that
 * Spring Boot picks when Netty is on the class path (it always is here, for WebFlux). The driver's Netty stream
 * (5.6) keeps the callback of the operation that opened a connection, through a close listener, for as long as the
 * connection is pooled, and that callback reaches the request that ran the operation: its exchange, its multipart
 * image and its GridFS upload stayed live after it was answered, one request per pooled connection.
 */
@Configuration(proxyBeanMethods = false)
class JdkTransport {

  /** Boot's customizer that switches the client to Netty; every other customizer (URI, timeouts) is applied. */
  private static final String NETTY_CUSTOMIZER = "NettyDriverMongoClientSettingsBuilderCustomizer";

  @Bean
  MongoClient reactiveStreamsMongoClient(ObjectProvider<MongoClientSettingsBuilderCustomizer> customizers,
      MongoClientSettings settings) {
    return new ReactiveMongoClientFactory(customizers.orderedStream()
        .filter(customizer -> !customizer.getClass().getSimpleName().equals(NETTY_CUSTOMIZER))
        .toList())
        .createMongoClient(settings);
  }
}
