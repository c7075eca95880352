package io.plantspy.web.webhooks;

import io.plantspy.web.api.ApiException;
import io.plantspy.web.api.ApiResult;
import io.plantspy.web.api.WebhooksApi;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Webhooks pages (an answer role or {@code admin}, the roles the webhooks service knows): the user's own
 * subscriptions and their deliveries. The service judges the URL and which events the user's roles allow
 * ({@code model.promoted} needs {@code admin}); a signing secret is shown once, on the page a subscription or a
 * rotation redirects to.
 */
@Controller
@RequestMapping("/webhooks")
class WebhooksController {

  /** The event types the webhooks service delivers, in its own spelling. */
  static final List<String> EVENTS = List.of("diagnosis.completed", "diagnosis.failed", "alert.disease_detected",
      "job.completed", "job.failed", "job.cancelled", "job.expired", "model.promoted");
  static final int DELIVERIES_SHOWN = 50;

  private final WebhooksApi webhooks;

  WebhooksController(WebhooksApi webhooks) {
    this.webhooks = webhooks;
  }

  @ModelAttribute("allEvents")
  List<String> allEvents() {
    return EVENTS;
  }

  @GetMapping
  String list(Model model) {
    model.addAttribute("webhooks", ApiResult.of(webhooks::list));
    return "webhooks";
  }

  @PostMapping
  String subscribe(@RequestParam String url, @RequestParam(name = "events", required = false) List<String> events,
      @RequestParam(name = "description", required = false) String description, RedirectAttributes after) {
    if (events == null || events.isEmpty()) {
      after.addFlashAttribute("failed", "webhooks.noEvents");
      return "redirect:/webhooks";
    }
    try {
      after.addFlashAttribute("secret", webhooks.subscribe(url.trim(), events, description));
    } catch (ApiException e) {
      after.addFlashAttribute("problem", e.withoutCause());
    }
    return "redirect:/webhooks";
  }

  @PostMapping("/{id}/rotate-secret")
  String rotate(@PathVariable String id, RedirectAttributes after) {
    try {
      after.addFlashAttribute("secret", webhooks.rotateSecret(id));
    } catch (ApiException e) {
      after.addFlashAttribute("problem", e.withoutCause());
    }
    return "redirect:/webhooks";
  }

  @PostMapping("/{id}/delete")
  String delete(@PathVariable String id, RedirectAttributes after) {
    try {
      webhooks.delete(id);
      after.addFlashAttribute("deleted", id);
    } catch (ApiException e) {
      after.addFlashAttribute("problem", e.withoutCause());
    }
    return "redirect:/webhooks";
  }

  @GetMapping("/{id}/deliveries")
  String deliveries(@PathVariable String id, Model model) {
    model.addAttribute("endpointId", id);
    model.addAttribute("deliveries", webhooks.deliveries(id, DELIVERIES_SHOWN));
    return "webhooks-deliveries";
  }

  @PostMapping("/{id}/deliveries/{deliveryId}/retry")
  String retry(@PathVariable String id, @PathVariable String deliveryId, RedirectAttributes after) {
    try {
      webhooks.retry(id, deliveryId);
      after.addFlashAttribute("retried", deliveryId);
    } catch (ApiException e) {
      after.addFlashAttribute("problem", e.withoutCause());
    }
    return "redirect:/webhooks/{id}/deliveries";
  }
}
