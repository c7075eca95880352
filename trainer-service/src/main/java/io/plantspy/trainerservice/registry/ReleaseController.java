package io.plantspy.trainerservice.registry;

import io.plantspy.trainerservice.problem.ApiProblem;
import io.plantspy.trainerservice.problem.StoreUnavailableException;
import java.io.IOException;
import java.util.List;
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

  ReleaseController(Releases releases) {
    this.releases = releases;
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
