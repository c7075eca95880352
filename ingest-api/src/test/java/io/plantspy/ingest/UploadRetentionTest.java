package io.plantspy.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.testsupport.TestMongo;
import io.plantspy.testsupport.TestTokens;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Flux;

/**
 * Over a real server port, with GridFS uploads that open new MongoDB connections: once answered, an upload's
 * exchange (and with it its multipart image and its GridFS upload) can be collected, so what an upload holds is
 * given back when it is answered instead of staying live with a pooled connection (see JdkTransport).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1,
    topics = {"plantspy.diagnosis.requests", "plantspy.diagnosis.results", "plantspy.schemas"})
class UploadRetentionTest {

  static final List<WeakReference<ServerWebExchange>> POSTS = new CopyOnWriteArrayList<>();

  @Autowired Environment env;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.mongodb.uri", TestMongo::uri);
    registry.add("plantspy.security.jwk-set-uri", TestTokens::jwksUri);
  }

  @TestConfiguration
  static class Exchanges {
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    WebFilter recordPosts() {
      return (exchange, chain) -> {
        if (HttpMethod.POST.equals(exchange.getRequest().getMethod())) {
          POSTS.add(new WeakReference<>(exchange));
        }
        return chain.filter(exchange);
      };
    }
  }

  @Test
  void finishedUploadsLeaveTheirExchangesCollectable() {
    WebClient client = WebClient.builder().baseUrl("http://127.0.0.1:" + env.getProperty("local.server.port"))
        .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid("retention", "disease"))
        .build();
    byte[] png = TestImages.png(256);
    List<Integer> statuses = Flux.range(0, 8)
        .flatMap(i -> client.post().uri("/api/v1/diagnoses").body(ApiTestSupport.image(png))
            .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value())))
        .collectList().block();
    assertThat(statuses).containsOnly(202);
    assertThat(POSTS).hasSize(8);
    for (WeakReference<ServerWebExchange> ref : POSTS) {
      assertThat(collected(ref)).as("a finished upload's exchange is collectable").isTrue();
    }
  }

  /** Asks for collections until the referent goes, for at most 10 s. */
  private static boolean collected(WeakReference<?> ref) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (ref.get() != null && System.nanoTime() < deadline) {
      System.gc();
      Thread.onSpinWait();
    }
    return ref.get() == null;
  }
}
