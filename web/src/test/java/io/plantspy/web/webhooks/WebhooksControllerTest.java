package io.plantspy.web.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Login;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.plantspy.web.api.Delivery;
import io.plantspy.web.api.Webhook;
import io.plantspy.web.api.WebhookSecret;
import io.plantspy.web.api.WebhooksApi;
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

/** The Webhooks pages: subscribing with the secret shown once, the events offered by role, deliveries and retry. */
@WebMvcTest(WebhooksController.class)
@Import({SecurityConfig.class, LanguageConfig.class, ClassNames.class, Figures.class, ApiErrorPages.class})
class WebhooksControllerTest {

  private static final RequestPostProcessor GROWER =
      oauth2Login().authorities(new SimpleGrantedAuthority("ROLE_disease"));
  private static final RequestPostProcessor ADMIN = oauth2Login().authorities(new SimpleGrantedAuthority("ROLE_admin"));

  @Autowired
  MockMvc mvc;

  @MockitoBean
  WebhooksApi webhooks;

  private static final Webhook HOOK = new Webhook("w1", "https://example.org/hook", List.of("diagnosis.completed"),
      "farm server", List.of("disease"), true, null, null, null, Instant.parse("2026-11-28T09:00:00Z"), null);

  private String html(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
    return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
  }

  @Test
  void theSigningSecretIsShownOnTheNextPageOnlyAndNotInTheList() throws Exception {
    WebhookSecret secret = new WebhookSecret("w1", "https://example.org/hook", List.of("diagnosis.completed",
        "job.completed"), "whsec_only-once");
    when(webhooks.subscribe("https://example.org/hook", List.of("diagnosis.completed", "job.completed"),
        "farm server")).thenReturn(secret);
    when(webhooks.list()).thenReturn(List.of(HOOK));

    mvc.perform(post("/webhooks").param("url", "https://example.org/hook")
            .param("events", "diagnosis.completed", "job.completed").param("description", "farm server")
            .with(GROWER).with(csrf()))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/webhooks"))
        .andExpect(flash().attribute("secret", secret));

    assertThat(html(get("/webhooks").with(GROWER).flashAttr("secret", secret)))
        .contains("whsec_only-once", "never shown again");
    assertThat(html(get("/webhooks").with(GROWER))).contains("https://example.org/hook", "farm server",
        "/webhooks/w1/deliveries", "/webhooks/w1/rotate-secret", "/webhooks/w1/delete").doesNotContain("whsec_");
  }

  @Test
  void aSubscriptionWithoutAnEventIsRefusedBeforeTheApi() throws Exception {
    mvc.perform(post("/webhooks").param("url", "https://example.org/hook").with(GROWER).with(csrf()))
        .andExpect(status().isFound())
        .andExpect(flash().attribute("failed", "webhooks.noEvents"));
    verify(webhooks, never()).subscribe(any(), any(), any());
  }

  @Test
  void modelPromotedIsOfferedToAdminsOnlyAsTheServiceAllows() throws Exception {
    when(webhooks.list()).thenReturn(List.of());
    assertThat(html(get("/webhooks").with(GROWER))).contains("event-diagnosis.completed")
        .doesNotContain("event-model.promoted");
    assertThat(html(get("/webhooks").with(ADMIN))).contains("event-model.promoted");
  }

  @Test
  void deliveriesShowEachAttemptsStatusCodeAndARetryForThoseNoLongerPending() throws Exception {
    when(webhooks.deliveries("w1", WebhooksController.DELIVERIES_SHOWN)).thenReturn(List.of(
        new Delivery("dl-failed", "e1", "diagnosis.completed", "FAILED", Instant.parse("2026-11-28T09:00:00Z"),
            null, Instant.parse("2026-11-28T10:00:00Z"), List.of(
                new Delivery.Attempt(Instant.parse("2026-11-28T09:00:01Z"), 503, 40, null),
                new Delivery.Attempt(Instant.parse("2026-11-28T09:01:01Z"), null, 5000, "timed out"))),
        new Delivery("dl-pending", "e2", "diagnosis.completed", "PENDING", Instant.parse("2026-11-28T11:00:00Z"),
            Instant.parse("2026-11-28T11:01:00Z"), null, List.of())));

    String page = html(get("/webhooks/w1/deliveries").with(GROWER));

    assertThat(page).contains("503", "timed out", "no answer", "Failed", "Pending",
        "/webhooks/w1/deliveries/dl-failed/retry").doesNotContain("/webhooks/w1/deliveries/dl-pending/retry");
  }

  @Test
  void aRetryIsSentAndLeadsBackToTheDeliveries() throws Exception {
    mvc.perform(post("/webhooks/w1/deliveries/dl-failed/retry").with(GROWER).with(csrf()))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/webhooks/w1/deliveries"))
        .andExpect(flash().attribute("retried", "dl-failed"));
    verify(webhooks).retry("w1", "dl-failed");
  }

  @Test
  void deletingAndRotatingCallTheService() throws Exception {
    WebhookSecret rotated = new WebhookSecret("w1", "https://example.org/hook", List.of(), "whsec_new");
    when(webhooks.rotateSecret("w1")).thenReturn(rotated);

    mvc.perform(post("/webhooks/w1/rotate-secret").with(GROWER).with(csrf()))
        .andExpect(flash().attribute("secret", rotated));
    mvc.perform(post("/webhooks/w1/delete").with(GROWER).with(csrf()))
        .andExpect(flash().attribute("deleted", "w1"));
    verify(webhooks).delete("w1");
  }
}
