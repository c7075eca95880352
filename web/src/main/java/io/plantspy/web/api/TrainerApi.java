package io.plantspy.web.api;

import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The trainer service's runs and registry ({@code /api/v1/admin/...}): reading needs the role {@code admin} or
 * {@code lab}, promoting {@code admin}. Called as the signed-in user.
 */
@Component
public class TrainerApi {

  private static final String RUNS = "/api/v1/admin/training-runs";
  private static final String RELEASES = "/api/v1/admin/releases";

  private final RestClient trainer;

  TrainerApi(@Qualifier("trainerClient") RestClient trainer) {
    this.trainer = trainer;
  }

  /** The newest runs, {@code size} of them (1 to 100). */
  public RunPage runs(int size) {
    return ApiErrors.call(() -> trainer.get().uri(RUNS + "?page=0&size={size}", size).retrieve()
        .body(RunPage.class));
  }

  public TrainingRun run(String id) {
    return ApiErrors.call(() -> trainer.get().uri(RUNS + "/{id}", id).retrieve().body(TrainingRun.class));
  }

  /** Every release, newest first. */
  public List<Release> releases() {
    Release[] all = ApiErrors.call(() -> trainer.get().uri(RELEASES).retrieve().body(Release[].class));
    return all == null ? List.of() : Arrays.asList(all);
  }

  public Release release(String id) {
    return ApiErrors.call(() -> trainer.get().uri(RELEASES + "/{id}", id).retrieve().body(Release.class));
  }

  /** The release's scores per class on its own test split. */
  public List<ClassScore> classScores(String id) {
    ClassScore[] all = ApiErrors.call(() -> trainer.get().uri(RELEASES + "/{id}/evaluation/classes", id)
        .retrieve().body(ClassScore[].class));
    return all == null ? List.of() : Arrays.asList(all);
  }

  /** The confusion matrix the trainer drew for the release (a PNG of some 100 kB). */
  public byte[] confusionMatrix(String id) {
    return ApiErrors.call(() -> trainer.get().uri(RELEASES + "/{id}/evaluation/confusion-matrix.png", id)
        .accept(MediaType.IMAGE_PNG, MediaType.APPLICATION_PROBLEM_JSON)
        .retrieve()
        .body(byte[].class));
  }

  /** Makes the release the champion (also a rollback to an earlier one): announced, then the aliases move. */
  public Release promote(String id) {
    return ApiErrors.call(() -> trainer.post().uri(RELEASES + "/{id}/promote", id).retrieve()
        .body(Release.class));
  }
}
