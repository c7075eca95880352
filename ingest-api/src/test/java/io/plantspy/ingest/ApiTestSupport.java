package io.plantspy.ingest;

import io.plantspy.testsupport.TestTokens;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** Helpers shared by the API tests: clients acting as a user with roles, and multipart bodies. */
final class ApiTestSupport {

  private ApiTestSupport() {}

  static WebTestClient client(ApplicationContext context) {
    return WebTestClient.bindToApplicationContext(context).configureClient().build();
  }

  /**
   * A client sending a signed Keycloak-shaped token for {@code subject} with the given realm roles, so every request
   * goes through the real decoder and role converter.
   */
  static WebTestClient as(WebTestClient client, String subject, String... roles) {
    return bearer(client, TestTokens.valid(subject, roles));
  }

  static WebTestClient bearer(WebTestClient client, String token) {
    return client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
  }

  static BodyInserters.MultipartInserter image(byte[] bytes) {
    MultipartBodyBuilder body = new MultipartBodyBuilder();
    body.part("image", new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return "leaf.png";
      }
    }).contentType(MediaType.IMAGE_PNG);
    return BodyInserters.fromMultipartData(body.build());
  }
}
