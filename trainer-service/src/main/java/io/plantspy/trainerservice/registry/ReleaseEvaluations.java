package io.plantspy.trainerservice.registry;

import io.plantspy.model.store.ReleaseLocation;
import io.plantspy.trainer.eval.ClassScore;
import io.plantspy.trainer.eval.ReportReader;
import io.plantspy.trainer.eval.ReportWriter;
import io.plantspy.trainerservice.problem.ApiProblem;
import io.plantspy.trainerservice.problem.StoreUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * What a release's own test-split evaluation says (the {@code evaluation} folder the trainer wrote into it): the
 * per-class scores and the confusion-matrix image, read from the release fetched out of GridFS into the local cache.
 */
@Service
public class ReleaseEvaluations {

  private static final String EVALUATION = "evaluation";

  private final Releases releases;
  private final ReleaseAnnouncer store;

  ReleaseEvaluations(Releases releases, ReleaseAnnouncer store) {
    this.releases = releases;
    this.store = store;
  }

  public List<ClassScore> classScores(String id) {
    Path file = evaluationFile(id, ReportWriter.PER_CLASS_CSV);
    try {
      return ReportReader.classScores(file.getParent());
    } catch (IOException e) {
      // The archive matched its sha256, so the trainer wrote it so: the service's fault, not the caller's.
      throw new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "damaged-evaluation", "Damaged evaluation",
          "release " + id + " has an unreadable " + ReportWriter.PER_CLASS_CSV + ": " + e.getMessage());
    }
  }

  /** The PNG file; the caller streams it. */
  public Path confusionMatrix(String id) {
    return evaluationFile(id, ReportWriter.CONFUSION_MATRIX_PNG);
  }

  private Path evaluationFile(String id, String name) {
    ReleaseRecord release = releases.find(id).orElseThrow(() -> ApiProblem.notFound("release", id));
    Path dir;
    try {
      dir = store.fetch(ReleaseLocation.parse(release.location()));
    } catch (IOException e) {
      throw new StoreUnavailableException("cannot fetch release " + id + ": " + e.getMessage(), e);
    }
    Path file = dir.resolve(EVALUATION).resolve(name);
    if (!Files.isRegularFile(file)) {
      // Releases made before the trainer wrote its evaluation into them, or by hand.
      throw new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found",
          "release " + id + " carries no " + EVALUATION + "/" + name);
    }
    return file;
  }
}
