package io.plantspy.trainerservice.registry;

import io.plantspy.trainer.eval.ClassScore;
import io.plantspy.trainerservice.problem.ApiProblem;
import io.plantspy.trainerservice.problem.StoreUnavailableException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin/releases}: the registry (roles admin or lab) and promotion, also rollback (role admin). */
@RestController
@RequestMapping("/api/v1/admin/releases")
class ReleaseController {

  private final Releases releases;
  private final ReleaseEvaluations evaluations;

  ReleaseController(Releases releases, ReleaseEvaluations evaluations) {
    this.releases = releases;
    this.evaluations = evaluations;
  }

  /** Every registered release, newest first, with metrics, aliases and the decision that made it. */
  @GetMapping
  List<ReleaseRecord> list() {
    return releases.all();
  }

  @GetMapping("/{id}")
  ReleaseRecord get(@PathVariable String id) {
    return releases.find(id).orElseThrow(() -> ApiProblem.notFound("release", id));
  }

  /** Precision, recall, F1 and support per class on the release's own test split. */
  @GetMapping("/{id}/evaluation/classes")
  List<ClassScore> classScores(@PathVariable String id) {
    return evaluations.classScores(id);
  }

  /** The release's confusion matrix on its test split, as the trainer drew it. */
  @GetMapping("/{id}/evaluation/confusion-matrix.png")
  ResponseEntity<Resource> confusionMatrix(@PathVariable String id) {
    // No produces= on the mapping: a refusal must still be rendered as problem JSON.
    return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
        .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
        .body(new FileSystemResource(evaluations.confusionMatrix(id)));
  }

  /** Makes the release the champion: announced to every stream processor, then the aliases move. */
  @PostMapping("/{id}/promote")
  ReleaseRecord promote(@PathVariable String id) {
    try {
      return releases.promote(id);
    } catch (IOException e) {
      throw new StoreUnavailableException("cannot promote release " + id + ": " + e.getMessage(), e);
    }
  }
}
