package io.plantspy.trainerservice.runs;

import io.plantspy.trainerservice.problem.ApiProblem;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/admin/training-runs}: ask for a run (role admin), follow runs (roles admin or lab). Parameter
 * constraints are checked by Spring MVC's built-in method validation (a 400 problem).
 */
@RestController
@RequestMapping("/api/v1/admin/training-runs")
class TrainingRunController {

  private final RunQueue queue;
  private final RunStore store;

  TrainingRunController(RunQueue queue, RunStore store) {
    this.queue = queue;
    this.store = store;
  }

  /** Queues a run on demand: 202 with its location, or 409 naming the run already queued. */
  @PostMapping
  ResponseEntity<TrainingRun> start(Authentication caller) {
    TrainingRun run = queue.request(Trigger.DEMAND, caller.getName());
    return ResponseEntity.accepted().location(URI.create("/api/v1/admin/training-runs/" + run.id())).body(run);
  }

  @GetMapping
  RunPage list(@RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return new RunPage(store.page(page, size), page, size, store.count());
  }

  @GetMapping("/{id}")
  TrainingRun get(@PathVariable String id) {
    return store.find(id).orElseThrow(() -> ApiProblem.notFound("training run", id));
  }
}
