package io.plantspy.web.security;

/**
 * The Content-Security-Policy of every page: scripts, styles and everything else from the app itself only, never
 * inline (so an injected {@code <script>} or {@code style=} does nothing). Photos may also be {@code data:} URLs
 * (a diagnosed upload is shown from its own bytes). Forms may post to the app and follow its redirects to the
 * realm (sign-out ends the Keycloak session there).
 */
final class ContentSecurityPolicy {

  private ContentSecurityPolicy() {}

  static String directives(String realmOrigin) {
    return String.join("; ",
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'none'",
        "form-action 'self' " + realmOrigin);
  }
}
