package io.plantspy.web.api;

import java.net.http.HttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * The HTTP client of the ingest API. Every request carries the signed-in user's access token (token relay through
 * the {@link OAuth2AuthorizedClientManager}, which refreshes an expired one), so the API applies the user's roles.
 */
@Configuration(proxyBeanMethods = false)
class ApiClients {

  /** The registration whose tokens are relayed: the one users sign in with. */
  static final String REGISTRATION_ID = "keycloak";

  @Bean
  RestClient ingestClient(ApiProperties api, OAuth2AuthorizedClientManager clients) {
    OAuth2ClientHttpRequestInterceptor relay = new OAuth2ClientHttpRequestInterceptor(clients);
    relay.setClientRegistrationIdResolver(request -> REGISTRATION_ID);
    return RestClient.builder()
        .baseUrl(api.ingestUrl().toString())
        .requestFactory(requests(api, api.timeout()))
        .requestInterceptor(relay)
        .build();
  }

  /** HTTP/1.1 requests to the APIs, answered within {@code timeout}. */
  static JdkClientHttpRequestFactory requests(ApiProperties api, java.time.Duration timeout) {
    JdkClientHttpRequestFactory requests =
        new JdkClientHttpRequestFactory(HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1).connectTimeout(api.timeout()).build());
    requests.setReadTimeout(timeout);
    return requests;
  }
}
