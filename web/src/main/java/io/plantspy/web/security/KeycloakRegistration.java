package io.plantspy.web.security;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The realm's client as Spring Security's registration, written out from the issuer rather than discovered: the app
 * starts (and restarts) whether or not Keycloak answers yet. The end-session endpoint is in the metadata so that
 * sign-out also ends the Keycloak session.
 */
@Configuration(proxyBeanMethods = false)
class KeycloakRegistration {

  static final String REGISTRATION_ID = "keycloak";

  @Bean
  ClientRegistrationRepository clientRegistrationRepository(RealmProperties realm) {
    ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
        .clientId(realm.clientId())
        // A public client: Spring Security then always sends a PKCE S256 challenge, which the realm requires.
        .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
        .scope("openid", "profile")
        .issuerUri(realm.issuerUri().toString())
        .authorizationUri(realm.endpoint("auth"))
        .tokenUri(realm.backchannelEndpoint("token"))
        .jwkSetUri(realm.backchannelEndpoint("certs"))
        .userNameAttributeName("preferred_username")
        .providerConfigurationMetadata(Map.of("end_session_endpoint", realm.endpoint("logout")))
        .clientName("PlantSpy")
        .build();
    return new InMemoryClientRegistrationRepository(registration);
  }

  /** Gets the signed-in user's access token for API calls, refreshing it when it has expired. */
  @Bean
  OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
      OAuth2AuthorizedClientRepository authorizedClients) {
    DefaultOAuth2AuthorizedClientManager manager =
        new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
    manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
        .authorizationCode()
        .refreshToken()
        .build());
    return manager;
  }
}
