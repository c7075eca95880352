package io.plantspy.web.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Login;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.plantspy.web.api.ApiException;
import io.plantspy.web.api.Device;
import io.plantspy.web.api.DevicesApi;
import io.plantspy.web.api.RegisteredDevice;
import io.plantspy.web.diagnose.ClassNames;
import io.plantspy.web.home.ApiErrorPages;
import io.plantspy.web.home.Figures;
import io.plantspy.web.i18n.LanguageConfig;
import io.plantspy.web.security.SecurityConfig;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The Devices page: registration with its one-time password, the gateway's refusals, revocation. */
@WebMvcTest(DevicesController.class)
@Import({SecurityConfig.class, LanguageConfig.class, ClassNames.class, Figures.class, ApiErrorPages.class})
class DevicesControllerTest {

  private static final RequestPostProcessor GROWER =
      oauth2Login().authorities(new SimpleGrantedAuthority("ROLE_category"));

  @Autowired
  MockMvc mvc;

  @MockitoBean
  DevicesApi devices;

  private static final Device CAMERA = new Device("d-00ff", "sub-1", "north-field", "Camera 1",
      Instant.parse("2026-11-28T09:00:00Z"), "dt/plantspy/north-field/d-00ff/image",
      "dt/plantspy/north-field/d-00ff/diagnosis");

  private String html(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
    return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
  }

  @Test
  void theMqttPasswordIsShownOnTheNextPageOnlyAndNotInTheList() throws Exception {
    RegisteredDevice registered = new RegisteredDevice(CAMERA, "d-00ff", "pw-only-once");
    when(devices.register("north-field", "Camera 1")).thenReturn(registered);
    when(devices.list()).thenReturn(List.of(CAMERA));

    mvc.perform(post("/devices").param("farm", " north-field ").param("name", "Camera 1").with(GROWER).with(csrf()))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/devices"))
        .andExpect(flash().attribute("registered", registered));
    verify(devices).register("north-field", "Camera 1");

    assertThat(html(get("/devices").with(GROWER).flashAttr("registered", registered)))
        .contains("pw-only-once", "never shown again", "dt/plantspy/north-field/d-00ff/image");
    assertThat(html(get("/devices").with(GROWER))).contains("Camera 1", "/devices/d-00ff/revoke")
        .doesNotContain("pw-only-once");
  }

  @Test
  void theGatewaysQuotaRefusalIsShownInItsWords() throws Exception {
    ApiException quota = new ApiException(403, "Device quota reached",
        "you may register 20 devices; remove one first, or ask an admin", null);
    when(devices.register("north", "Cam")).thenThrow(quota);
    when(devices.list()).thenReturn(List.of());

    mvc.perform(post("/devices").param("farm", "north").param("name", "Cam").with(GROWER).with(csrf()))
        .andExpect(status().isFound())
        .andExpect(flash().attributeExists("problem"));
    assertThat(html(get("/devices").with(GROWER).flashAttr("problem", quota.withoutCause())))
        .contains("Device quota reached", "you may register 20 devices");
  }

  @Test
  void revokingSendsTheRevocationAndSaysSo() throws Exception {
    mvc.perform(post("/devices/d-00ff/revoke").with(GROWER).with(csrf()))
        .andExpect(status().isFound())
        .andExpect(flash().attribute("revoked", "d-00ff"));
    verify(devices).revoke("d-00ff");
  }
}
