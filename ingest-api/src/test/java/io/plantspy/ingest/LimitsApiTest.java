package io.plantspy.ingest;

import static io.plantspy.ingest.ApiTestSupport.as;
import static io.plantspy.ingest.ApiTestSupport.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plantspy.ingest.limits.ConcurrencyLimits;
import io.plantspy.testsupport.SilentServer;
import io.plantspy.testsupport.TestMongo;
import io.plantspy.testsupport.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;

/**
 * The API's bounds under load, with tiny limits: per-caller 429 and total 503 with {@code Retry-After} for uploads
 * and waiters, permits given back when requests end, and a body capped by counting its bytes, not by its declared
 * length. Nothing answers requests here, so a {@code ?wait=} request holds its permits until its wait runs out; an
 * upload whose body arrives slowly holds its upload permit until the body is in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1,
    topics = {"plantspy.diagnosis.requests", "plantspy.diagnosis.results", "plantspy.schemas"})
class LimitsApiTest {

  private static final String BOUNDARY = "b0undary";

  private static final SilentServer silent = new SilentServer("silent-image-server");

  @Autowired ApplicationContext context;
  @Autowired ConcurrencyLimits limits;
  private WebTestClient client;
  private final List<CompletableFuture<?>> pending = new ArrayList<>();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.mongodb.uri", TestMongo::uri);
    registry.add("plantspy.security.jwk-set-uri", TestTokens::jwksUri);
    // The image cap is 1 MB here: a body of unknown length weighs 1 MB + 64 KB, so one such body per caller and
    // two in all fit.
    registry.add("plantspy.limits.upload-bytes", () -> "2200KB");
    registry.add("plantspy.limits.upload-bytes-per-caller", () -> "1100KB");
    registry.add("plantspy.limits.waiters", () -> "2");
    registry.add("plantspy.limits.waiters-per-caller", () -> "2");
    registry.add("plantspy.retry-after.busy", () -> "2s");
  }

  @BeforeEach
  void setUp() {
    client = ApiTestSupport.client(context).mutate().responseTimeout(Duration.ofSeconds(20)).build();
  }

  @AfterEach
  void drain() throws Exception {
    for (CompletableFuture<?> f : pending) {
      f.get(20, TimeUnit.SECONDS);
    }
    await("permits given back").atMost(Duration.ofSeconds(5)).until(() ->
        limits.uploads().inUse() + limits.fetches().inUse() + limits.waiters().inUse() == 0);
  }

  @Test
  void aCallersSecondUploadIs429AndAFullInstanceIs503BothWithRetryAfter() {
    slowUploadInBackground("ann");
    await().atMost(Duration.ofSeconds(10)).until(() -> limits.uploads().inUse() > 0);
    refused(multipartPost("ann", Flux.just(whole())), HttpStatus.TOO_MANY_REQUESTS, "too-many-requests");
    slowUploadInBackground("bob");
    await().atMost(Duration.ofSeconds(10)).until(() -> limits.uploads().inUse() > 2_000_000);
    refused(multipartPost("cid", Flux.just(whole())), HttpStatus.SERVICE_UNAVAILABLE, "busy");
  }

  @Test
  void permitsComeBackWhenRequestsEnd() {
    for (int i = 0; i < 3; i++) {
      as(client, "dan", "category").post().uri("/api/v1/diagnoses").body(image(TestImages.png(16 + i))).exchange()
          .expectStatus().isAccepted();
    }
    // Given back once each exchange has ended, which is just after its answer was written.
    await().atMost(Duration.ofSeconds(5)).until(() -> limits.uploads().inUse() == 0);
  }

  @Test
  void aChunkedBodyBeyondTheCapIs413ThoughEachPartIsWithinIt() {
    // Three parts of 700 KB under a 1 MB image cap, sent without Content-Length: only counting the streamed
    // bytes can refuse it.
    byte[] filler = new byte[700 * 1024];
    byte[] bytes = multipart(Map.of("image", TestImages.png(16), "extra1", filler, "extra2", filler));
    List<DataBuffer> chunks = new ArrayList<>();
    for (int off = 0; off < bytes.length; off += 64 * 1024) {
      chunks.add(buffer(bytes, off, Math.min(bytes.length, off + 64 * 1024)));
    }
    multipartPost("eve", Flux.fromIterable(chunks))
        .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
        .expectBody(Map.class).value(problem -> assertThat(problem)
            .containsEntry("type", "https://plantspy.io/problems/image-too-large"));
  }

  @Test
  void waitersBeyondTheTotalAre503() {
    // Two waiting URL submissions whose server never answers hold both waiter permits until the fetch times out.
    String url = "http://127.0.0.1:" + silent.port() + "/leaf.png";
    for (String owner : List.of("fay", "gus")) {
      pending.add(CompletableFuture.runAsync(() -> as(client, owner, "category").post()
          .uri("/api/v1/diagnoses?wait=3s").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("url", url))
          .exchange().expectStatus().isEqualTo(HttpStatus.GATEWAY_TIMEOUT)));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> limits.waiters().inUse() == 2);
    refused(as(client, "hal", "category").post().uri("/api/v1/predict/category")
        .body(image(TestImages.png(20))).exchange(), HttpStatus.SERVICE_UNAVAILABLE, "busy")
        .value(problem -> assertThat(problem.get("detail").toString()).contains("waiting requests"));
  }

  private static DataBuffer whole() {
    byte[] bytes = multipart(Map.of("image", TestImages.png(16)));
    return buffer(bytes, 0, bytes.length);
  }

  /** An upload whose body ends only after three seconds, holding its upload permit meanwhile. */
  private void slowUploadInBackground(String owner) {
    byte[] bytes = multipart(Map.of("image", TestImages.png(16)));
    Flux<DataBuffer> slow = Flux.concat(Flux.just(buffer(bytes, 0, 100)),
        Flux.defer(() -> Flux.just(buffer(bytes, 100, bytes.length))).delaySubscription(Duration.ofSeconds(3)));
    pending.add(CompletableFuture.runAsync(() -> multipartPost(owner, slow).expectStatus().isAccepted()));
  }

  @AfterAll
  static void stopServer() throws IOException {
    silent.close();
  }


  private WebTestClient.ResponseSpec multipartPost(String owner, Flux<DataBuffer> body) {
    return as(client, owner, "category").post().uri("/api/v1/diagnoses")
        .contentType(MediaType.parseMediaType("multipart/form-data; boundary=" + BOUNDARY))
        .body(BodyInserters.fromDataBuffers(body))
        .exchange();
  }

  private static byte[] multipart(Map<String, byte[]> parts) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    parts.forEach((name, content) -> {
      body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
          + name + ".png\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(content);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    });
    body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  private static DataBuffer buffer(byte[] bytes, int from, int to) {
    byte[] chunk = new byte[to - from];
    System.arraycopy(bytes, from, chunk, 0, chunk.length);
    return DefaultDataBufferFactory.sharedInstance.wrap(chunk);
  }

  private static WebTestClient.BodySpec<Map, ?> refused(WebTestClient.ResponseSpec response, HttpStatus status,
      String slug) {
    return response.expectStatus().isEqualTo(status)
        .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "2")
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody(Map.class).value(problem -> assertThat(problem)
            .containsEntry("type", "https://plantspy.io/problems/" + slug));
  }
}
