package io.plantspy.web.models;

import io.plantspy.web.api.ApiException;
import io.plantspy.web.api.ApiImages;
import io.plantspy.web.api.ApiResult;
import io.plantspy.web.api.TrainerApi;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Models pages: the releases of the trainer service's registry (roles {@code lab} and {@code admin} read it),
 * one release's per-class scores and confusion matrix, the latest training runs, one run's comparison of champion
 * and challenger, and promotion (also a rollback to an earlier release) for {@code admin}, enforced by the security
 * rules and again by the trainer service.
 */
@Controller
@RequestMapping("/models")
class ModelsController {

  static final int RUNS_SHOWN = 10;

  private final TrainerApi trainer;

  ModelsController(TrainerApi trainer) {
    this.trainer = trainer;
  }

  @GetMapping
  String releases(Model model) {
    model.addAttribute("releases", ApiResult.of(trainer::releases));
    model.addAttribute("runs", ApiResult.of(() -> trainer.runs(RUNS_SHOWN)));
    return "models";
  }

  /** A release: its metrics, its scores per class and its confusion matrix on its own test split. */
  @GetMapping("/releases/{id}")
  String release(@PathVariable String id, Model model) {
    model.addAttribute("release", trainer.release(id));
    model.addAttribute("scores", ApiResult.of(() -> trainer.classScores(id)));
    return "models-release";
  }

  @GetMapping("/releases/{id}/confusion-matrix.png")
  ResponseEntity<byte[]> confusionMatrix(@PathVariable String id) {
    return ApiImages.passThrough(MediaType.IMAGE_PNG, Duration.ofHours(1), () -> trainer.confusionMatrix(id));
  }

  /** A run: its progress while it lasts, then both models' figures per class and the decision with its reasons. */
  @GetMapping("/runs/{id}")
  String run(@PathVariable String id, Model model) {
    model.addAttribute("run", trainer.run(id));
    return "models-run";
  }

  @PostMapping("/{id}/promote")
  String promote(@PathVariable String id, RedirectAttributes after) {
    try {
      trainer.promote(id);
      after.addFlashAttribute("promoted", id);
    } catch (ApiException e) {
      after.addFlashAttribute("problem", e.withoutCause());
    }
    return "redirect:/models";
  }
}
