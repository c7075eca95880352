package io.plantspy.web.admin;

import io.plantspy.web.security.RealmProperties;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * {@link UserAdmin} through {@code keycloak-admin-client}, as the service-account client (client credentials; the
 * admin client fetches and renews its own token). Only PlantSpy's realm roles are shown and changed; Keycloak's
 * housekeeping roles are left alone.
 */
@Component
class KeycloakUserAdmin implements UserAdmin, DisposableBean {

  static final List<String> PLANTSPY_ROLES = List.of("category", "health", "disease", "lab", "admin");

  private final Keycloak keycloak;
  private final String realm;

  KeycloakUserAdmin(RealmProperties realmProperties, AdminProperties admin) {
    // The admin API is called from here: through the back channel, where that differs from the issuer.
    String issuer = realmProperties.backchannel().toString().replaceAll("/+$", "");
    int at = issuer.lastIndexOf("/realms/");
    this.realm = issuer.substring(at + "/realms/".length());
    this.keycloak = admin.configured()
        ? KeycloakBuilder.builder()
            .serverUrl(issuer.substring(0, at))
            .realm(realm)
            .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
            .clientId(admin.clientId())
            .clientSecret(admin.clientSecret())
            .build()
        : null;
  }

  @Override
  public boolean available() {
    return keycloak != null;
  }

  @Override
  public List<RealmUser> search(String search, int first, int max) {
    return call(() -> {
      List<UserRepresentation> found = realm().users().search(search == null || search.isBlank() ? null
          : search.trim(), first, max, true);
      List<RealmUser> users = new ArrayList<>();
      for (UserRepresentation u : found) {
        if (u.getUsername().startsWith("service-account-")) {
          continue;
        }
        users.add(new RealmUser(u.getId(), u.getUsername(), u.getEmail(), u.getFirstName(), u.getLastName(),
            Boolean.TRUE.equals(u.isEnabled()), roles(u.getId())));
      }
      return users;
    });
  }

  @Override
  public String create(NewUser user) {
    return call(() -> {
      UserRepresentation rep = new UserRepresentation();
      rep.setUsername(user.username());
      rep.setEmail(user.email());
      rep.setEmailVerified(true);
      rep.setFirstName(user.firstName());
      rep.setLastName(user.lastName());
      rep.setEnabled(true);
      rep.setCredentials(List.of(password(user.password())));
      String id;
      try (Response created = realm().users().create(rep)) {
        if (created.getStatus() != 201) {
          throw new UserAdminException(created.getStatus(), errorMessage(created), null);
        }
        id = CreatedResponseUtil.getCreatedId(created);
      }
      setRoles(id, user.roles());
      return id;
    });
  }

  @Override
  public void setRoles(String userId, List<String> roles) {
    call(() -> {
      Set<String> wanted = new LinkedHashSet<>(roles);
      wanted.retainAll(PLANTSPY_ROLES);
      UserResource user = realm().users().get(userId);
      // The user's own lists of assigned and assignable roles: reading the realm's roles themselves would need
      // view-realm, which the service account does not have.
      List<RoleRepresentation> add = user.roles().realmLevel().listAvailable().stream()
          .filter(r -> wanted.contains(r.getName())).toList();
      List<RoleRepresentation> remove = user.roles().realmLevel().listAll().stream()
          .filter(r -> PLANTSPY_ROLES.contains(r.getName()) && !wanted.contains(r.getName())).toList();
      if (!add.isEmpty()) {
        user.roles().realmLevel().add(add);
      }
      if (!remove.isEmpty()) {
        user.roles().realmLevel().remove(remove);
      }
      return null;
    });
  }

  @Override
  public void setEnabled(String userId, boolean enabled) {
    call(() -> {
      UserResource user = realm().users().get(userId);
      UserRepresentation rep = user.toRepresentation();
      rep.setEnabled(enabled);
      user.update(rep);
      if (!enabled) {
        // A disabled user's open sessions end now, not when their tokens expire.
        user.logout();
      }
      return null;
    });
  }

  @Override
  public void resetPassword(String userId, String password) {
    call(() -> {
      realm().users().get(userId).resetPassword(password(password));
      return null;
    });
  }

  @Override
  public void delete(String userId) {
    call(() -> {
      try (Response deleted = realm().users().delete(userId)) {
        if (deleted.getStatus() != 204) {
          throw new UserAdminException(deleted.getStatus(), errorMessage(deleted), null);
        }
      }
      return null;
    });
  }

  private Set<String> roles(String userId) {
    Set<String> roles = new LinkedHashSet<>();
    for (RoleRepresentation r : realm().users().get(userId).roles().realmLevel().listAll()) {
      if (PLANTSPY_ROLES.contains(r.getName())) {
        roles.add(r.getName());
      }
    }
    return roles;
  }

  private RealmResource realm() {
    if (keycloak == null) {
      throw new UserAdminException(0, "no service-account secret configured", null);
    }
    return keycloak.realm(realm);
  }

  private static CredentialRepresentation password(String value) {
    CredentialRepresentation credential = new CredentialRepresentation();
    credential.setType(CredentialRepresentation.PASSWORD);
    credential.setValue(value);
    credential.setTemporary(false);
    return credential;
  }

  /** Keycloak's {@code errorMessage} (e.g. "User exists with same username"), else the status line. */
  private static String errorMessage(Response response) {
    try {
      Map<?, ?> body = response.readEntity(Map.class);
      Object message = body.get("errorMessage");
      if (message == null) {
        message = body.get("error_description");
      }
      if (message == null) {
        message = body.get("error");
      }
      if (message != null) {
        return message.toString();
      }
    } catch (RuntimeException unreadable) {
      // No JSON body: the status line says enough.
    }
    return response.getStatus() + " " + response.getStatusInfo().getReasonPhrase();
  }

  private static <T> T call(Supplier<T> request) {
    try {
      return request.get();
    } catch (WebApplicationException e) {
      throw new UserAdminException(e.getResponse().getStatus(), errorMessage(e.getResponse()), e);
    } catch (ProcessingException e) {
      throw new UserAdminException(0, "the realm could not be reached", e);
    }
  }

  @Override
  public void destroy() {
    if (keycloak != null) {
      keycloak.close();
    }
  }
}
