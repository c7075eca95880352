package io.plantspy.ingest;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import java.util.Arrays;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** Helpers shared by the API tests: clients acting as a user with roles, and multipart bodies. */
final class ApiTestSupport {

  private ApiTestSupport() {}

  static WebTestClient client(ApplicationContext context) {
    return WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient().build();
  }

  /** A client authenticated as {@code subject} holding the given realm roles (mock JWT, no signature). */
  static WebTestClient as(WebTestClient client, String subject, String... roles) {
    return client.mutateWith(mockJwt().jwt(j -> j.subject(subject)).authorities(
        Arrays.stream(roles).<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList()));
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
