package io.plantspy.web.api;

import java.net.URI;
import java.net.http.HttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * The HTTP clients of the platform's APIs, one per service. Every request carries the signed-in user's access token
 * (token relay through the {@link OAuth2AuthorizedClientManager}, which refreshes an expired one), so each API
 * applies the user's roles.
 */
@Configuration(proxyBeanMethods = false)
class ApiClients {

  /** The registration whose tokens are relayed: the one users sign in with. */
  static final String REGISTRATION_ID = "keycloak";

  @Bean
  RestClient ingestClient(ApiProperties api, OAuth2AuthorizedClientManager clients) {
    return relaying(api.ingestUrl(), api, clients);
  }

  @Bean
  RestClient trainerClient(ApiProperties api, OAuth2AuthorizedClientManager clients) {
    return relaying(api.trainerUrl(), api, clients);
  }

  @Bean
  RestClient feedsClient(ApiProperties api, OAuth2AuthorizedClientManager clients) {
    return relaying(api.feedsUrl(), api, clients);
  }

  @Bean
  RestClient webhooksClient(ApiProperties api, OAuth2AuthorizedClientManager clients) {
    return relaying(api.webhooksUrl(), api, clients);
  }

  private static RestClient relaying(URI baseUrl, ApiProperties api, OAuth2AuthorizedClientManager clients) {
    OAuth2ClientHttpRequestInterceptor relay = new OAuth2ClientHttpRequestInterceptor(clients);
    relay.setClientRegistrationIdResolver(request -> REGISTRATION_ID);
    return RestClient.builder()
        .baseUrl(baseUrl.toString())
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
