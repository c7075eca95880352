package io.plantspy.testsupport;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A stand-in Keycloak realm: an RSA key whose public half is served as a JWKS on a local port, and real signed
 * access tokens with the claims Keycloak puts in them (see KeycloakRealmIT in infra for the real realm's), so the
 * services' tests go through their production decoder, validators and role converter.
 */
public final class TestTokens {

  public static final String ISSUER = "https://keycloak.test/realms/plantspy";
  public static final String AUDIENCE = "plantspy-api";

  private static final RSAKey KEY = generate("realm");
  private static final RSAKey FORGER = generate("realm"); // same kid, different key: a forged signature
  private static final String JWKS_URI;

  static {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      byte[] jwks = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
      server.createContext("/certs", exchange -> {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, jwks.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(jwks);
        }
      });
      server.setExecutor(null);
      server.start();
      JWKS_URI = "http://127.0.0.1:" + server.getAddress().getPort() + "/certs";
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private TestTokens() {}

  public static String jwksUri() {
    return JWKS_URI;
  }

  /** A token for {@code subject} holding the given realm roles, besides Keycloak's housekeeping roles. */
  public static String valid(String subject, String... roles) {
    return sign(KEY, subject, AUDIENCE, Instant.now().plus(Duration.ofMinutes(5)), List.of(roles), List.of());
  }

  /** A token whose roles are client roles of the API (in {@code resource_access}), none of them a realm role. */
  public static String withClientRoles(String subject, String... clientRoles) {
    return sign(KEY, subject, AUDIENCE, Instant.now().plus(Duration.ofMinutes(5)), List.of(), List.of(clientRoles));
  }

  /** A valid token in every respect but one: it names no subject ({@code sub} absent). */
  public static String withoutSubject(String... roles) {
    return sign(KEY, null, AUDIENCE, Instant.now().plus(Duration.ofMinutes(5)), List.of(roles), List.of());
  }

  public static String expired(String subject, String... roles) {
    return sign(KEY, subject, AUDIENCE, Instant.now().minus(Duration.ofMinutes(10)), List.of(roles), List.of());
  }

  /** Signed by another key under the realm key's id. */
  public static String forged(String subject, String... roles) {
    return sign(FORGER, subject, AUDIENCE, Instant.now().plus(Duration.ofMinutes(5)), List.of(roles), List.of());
  }

  /** Minted for another client of the realm: its audience lacks the API. */
  public static String otherAudience(String subject, String... roles) {
    return sign(KEY, subject, "some-other-client", Instant.now().plus(Duration.ofMinutes(5)), List.of(roles),
        List.of());
  }

  private static String sign(RSAKey key, String subject, String audience, Instant expiry, List<String> roles,
      List<String> apiClientRoles) {
    try {
      List<String> realmRoles = new ArrayList<>(roles);
      // What every Keycloak user holds: no API role may come from these.
      realmRoles.addAll(List.of("default-roles-plantspy", "offline_access", "uma_authorization"));
      JWTClaimsSet claims = new JWTClaimsSet.Builder()
          .jwtID(UUID.randomUUID().toString())
          .issuer(ISSUER)
          .subject(subject)
          .audience(List.of(audience, "account"))
          .issueTime(Date.from(expiry.minus(Duration.ofMinutes(10))))
          .expirationTime(Date.from(expiry))
          .claim("typ", "Bearer")
          .claim("azp", "plantspy-cli")
          .claim("scope", "profile email")
          .claim("preferred_username", subject == null ? "nobody" : subject)
          .claim("realm_access", Map.of("roles", realmRoles))
          // Client roles (Keycloak's account client's, and the API client's if any) are not realm roles.
          .claim("resource_access", Map.of(
              "account", Map.of("roles", List.of("manage-account", "view-profile")),
              AUDIENCE, Map.of("roles", apiClientRoles)))
          .build();
      SignedJWT jwt = new SignedJWT(
          new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static RSAKey generate(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
