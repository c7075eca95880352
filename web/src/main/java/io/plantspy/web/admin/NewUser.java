package io.plantspy.web.admin;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The Admin users page's create form. Keycloak's user profile requires email, first and last name before it lets
 * a user sign in, so the form asks for them.
 */
public record NewUser(
    @NotBlank @Pattern(regexp = "[a-z0-9._-]{2,64}") String username,
    @NotBlank @Email String email,
    @NotBlank String firstName,
    @NotBlank String lastName,
    @NotBlank @Size(min = 8, max = 128) String password,
    List<String> roles) {

  public NewUser {
    roles = roles == null ? List.of() : List.copyOf(roles);
  }
}
