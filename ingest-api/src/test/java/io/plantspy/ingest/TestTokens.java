package io.plantspy.ingest;

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
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * A stand-in Keycloak realm: an RSA key whose public half is served as a JWKS on a local port, and real signed
 * tokens, so tests go through the production decoder and validators.
 */
final class TestTokens {

  static final String ISSUER = "https://keycloak.test/realms/plantspy";
  static final String AUDIENCE = "plantspy-api";

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

  static String jwksUri() {
    return JWKS_URI;
  }

  static String valid(String subject, String... roles) {
    return sign(KEY, subject, AUDIENCE, Instant.now().plus(Duration.ofMinutes(5)), roles);
  }

  static String expired(String subject, String... roles) {
    return sign(KEY, subject, AUDIENCE, Instant.now().minus(Duration.ofMinutes(10)), roles);
  }

  static String forged(String subject, String... roles) {
    return sign(FORGER, subject, AUDIENCE, Instant.now().plus(Duration.ofMinutes(5)), roles);
  }

  static String otherAudience(String subject, String... roles) {
    return sign(KEY, subject, "some-other-client", Instant.now().plus(Duration.ofMinutes(5)), roles);
  }

  private static String sign(RSAKey key, String subject, String audience, Instant expiry, String... roles) {
    try {
      JWTClaimsSet claims = new JWTClaimsSet.Builder()
          .issuer(ISSUER)
          .subject(subject)
          .audience(audience)
          .issueTime(Date.from(expiry.minus(Duration.ofMinutes(10))))
          .expirationTime(Date.from(expiry))
          .claim("realm_access", Map.of("roles", List.of(roles)))
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
