package io.plantspy.web.history;

import io.plantspy.web.api.ApiException;
import io.plantspy.web.api.ApiImages;
import io.plantspy.web.api.DiagnosisApi;
import io.plantspy.web.api.HistoryQuery;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The History page: the user's diagnoses, newest first, a page at a time, filtered by class, source and days; one
 * diagnosis in detail; and the thumbnails, passed through from the API (the browser never talks to it).
 */
@Controller
@RequestMapping("/history")
class HistoryController {

  static final int PAGE_SIZE = 12;

  private final DiagnosisApi api;

  HistoryController(DiagnosisApi api) {
    this.api = api;
  }

  @GetMapping
  String list(@RequestParam(name = "class", required = false) String className,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String source, @RequestParam(defaultValue = "0") int page, Model model) {
    HistoryQuery query = new HistoryQuery(className, from, to, source, Math.max(0, page), PAGE_SIZE);
    model.addAttribute("q", query);
    try {
      model.addAttribute("history", api.history(query));
    } catch (ApiException e) {
      // A bad filter (a malformed date, a class the user's roles do not show): said above the form, which keeps
      // what was typed so it can be corrected.
      model.addAttribute("problem", e);
    }
    return "history";
  }

  @GetMapping("/{id}")
  String details(@PathVariable String id, Model model) {
    model.addAttribute("d", api.get(id));
    return "history-details";
  }

  @GetMapping(path = "/{id}/thumbnail", produces = MediaType.IMAGE_JPEG_VALUE)
  ResponseEntity<byte[]> thumbnail(@PathVariable String id) {
    return ApiImages.passThrough(MediaType.IMAGE_JPEG, Duration.ofDays(1), () -> api.thumbnail(id));
  }
}
