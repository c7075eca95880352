package io.plantspy.web.dashboard;

import io.plantspy.web.api.DiagnosisApi;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The Dashboard page and the JSON its script draws: the page holds only canvases (no inline script, per the CSP);
 * {@code /js/dashboard.js} fetches {@code mine.json} and, for administrators, {@code platform.json}.
 */
@Controller
@RequestMapping("/dashboard")
class DashboardController {

  static final int DAYS = 30;
  static final int MINUTES = 60;

  private final DiagnosisApi api;

  DashboardController(DiagnosisApi api) {
    this.api = api;
  }

  @GetMapping
  String page() {
    return "dashboard";
  }

  /** The user's own statistics, as the API gives them. */
  @GetMapping(path = "/mine.json", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  String mine(@RequestParam(defaultValue = "" + DAYS) int days) {
    return api.stats(days);
  }

  /** The platform's throughput and backlog (administrators only, see SecurityConfig). */
  @GetMapping(path = "/platform.json", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  String platform(@RequestParam(defaultValue = "" + MINUTES) int minutes) {
    return api.platformStats(minutes);
  }
}
