package io.plantspy.infra.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a browser does for a public client's authorization-code + PKCE sign-in (as Swagger UI does): open the
 * realm's login page, post the login form with the session cookies, and take the {@code code} from the redirect.
 * The code is then exchanged at the token endpoint with a {@code code_verifier} of the caller's choosing.
 */
final class PkceLogin {

  private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*\\bid=\"kc-form-login\"[^>]*>");
  private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]+)\"");

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private final String oidc;
  private final String clientId;
  private final String redirectUri;

  /** The verifier this login's code was asked for with; its S256 hash went to the authorization endpoint. */
  final String verifier = randomVerifier();

  PkceLogin(String issuer, String clientId, String redirectUri) {
    this.oidc = issuer + "/protocol/openid-connect";
    this.clientId = clientId;
    this.redirectUri = redirectUri;
  }

  /** Signs in as {@code username} through the login form and returns the authorization code. */
  String code(String username, String password) throws IOException, InterruptedException {
    String state = randomVerifier();
    URI authorize = URI.create(oidc + "/auth?" + form(Map.of(
        "client_id", clientId, "response_type", "code", "scope", "openid", "redirect_uri", redirectUri,
        "state", state, "code_challenge", challenge(verifier), "code_challenge_method", "S256")));
    HttpResponse<String> page = send(HttpRequest.newBuilder(authorize).GET());
    if (page.statusCode() != 200) {
      throw new IOException("login page answered " + page.statusCode() + " " + page.headers().map() + page.body());
    }
    Matcher form = LOGIN_FORM.matcher(page.body());
    Matcher action = form.find() ? ACTION.matcher(form.group()) : null;
    if (action == null || !action.find()) {
      throw new IOException("no login form on the page: " + page.body());
    }
    String postTo = action.group(1).replace("&amp;", "&");
    HttpResponse<String> loggedIn = send(HttpRequest.newBuilder(URI.create(postTo))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password)))));
    String location = loggedIn.headers().firstValue("Location")
        .orElseThrow(() -> new IOException("login did not redirect: " + loggedIn.statusCode() + " " + loggedIn.body()));
    if (!location.startsWith(redirectUri + "?")) {
      throw new IOException("login redirected elsewhere: " + location);
    }
    Map<String, String> query = parse(URI.create(location).getRawQuery());
    if (!state.equals(query.get("state"))) {
      throw new IOException("the redirect lost the state: " + location);
    }
    String code = query.get("code");
    if (code == null) {
      throw new IOException("the redirect carries no code: " + location);
    }
    return code;
  }

  /** The token endpoint's answer to exchanging {@code code} with {@code codeVerifier}. */
  HttpResponse<String> exchange(String code, String codeVerifier) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(oidc + "/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
            "client_id", clientId, "code", code, "redirect_uri", redirectUri, "code_verifier", codeVerifier)))));
  }

  static String randomVerifier() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String challenge(String verifier) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always present", e);
    }
  }

  /** Sends with the cookies the realm set so far, as a browser would, and keeps the ones it sets now. */
  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
          .collect(Collectors.joining("; ")));
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    for (String set : response.headers().allValues("Set-Cookie")) {
      String pair = set.split(";", 2)[0];
      int eq = pair.indexOf('=');
      if (eq > 0) {
        cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
      }
    }
    return response;
  }

  private static String form(Map<String, String> fields) {
    List<String> parts = new ArrayList<>();
    fields.forEach((k, v) -> parts.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return String.join("&", parts);
  }

  private static Map<String, String> parse(String query) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String part : query.split("&")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        fields.put(part.substring(0, eq), URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return fields;
  }
}
