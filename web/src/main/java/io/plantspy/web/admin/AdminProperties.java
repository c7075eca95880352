package io.plantspy.web.admin;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The service-account client the Admin users page acts as.
 *
 * @param clientId the realm's confidential client with the realm-management roles manage-users and view-users
 * @param clientSecret its secret (the launcher passes Keycloak's as {@code PLANTSPY_WEB_ADMIN_CLIENT_SECRET}); the
 *     page says it is off when there is none
 */
@Validated
@ConfigurationProperties("plantspy.web.admin")
public record AdminProperties(
    @DefaultValue("plantspy-web-admin") @NotBlank String clientId,
    String clientSecret) {

  boolean configured() {
    return clientSecret != null && !clientSecret.isBlank();
  }
}
