package io.plantspy.trainerservice.registry;

import io.plantspy.model.release.ReleaseFiles;
import io.plantspy.model.release.ReleaseManifest;
import io.plantspy.model.store.ReleaseLocation;
import io.plantspy.trainerservice.problem.ApiProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The registry's operations: register the committed release as the first champion, register a run's challenger,
 * promote any registered release (announce it, then move the aliases). Promotions are serialised: one at a time.
 */
@Service
public class Releases {

  private static final Logger log = LoggerFactory.getLogger(Releases.class);

  private final ReleaseRegistry registry;
  private final ReleaseAnnouncer announcer;
  private final RegistryProperties props;
  private final Clock clock;

  Releases(ReleaseRegistry registry, ReleaseAnnouncer announcer, RegistryProperties props, Clock clock) {
    this.registry = registry;
    this.announcer = announcer;
    this.props = props;
    this.clock = clock;
  }

  /**
   * At first start (an empty registry): stores {@code models/CURRENT}, registers it and announces it as champion.
   * Does nothing once the registry holds a release.
   */
  public synchronized void registerCommittedChampion() throws IOException {
    if (!registry.isEmpty()) {
      return;
    }
    if (!Files.isRegularFile(props.modelsDir().resolve(ReleaseFiles.CURRENT))) {
      log.warn("The release registry is empty and {} has no {}: no champion registered",
          props.modelsDir().toAbsolutePath(), ReleaseFiles.CURRENT);
      return;
    }
    Path current = ReleaseFiles.current(props.modelsDir());
    ReleaseRecord release = store(current, null, null, List.of());
    registry.insert(release);
    promote(release.id());
    log.info("Registered the committed release {} as the first champion", release.id());
  }

  /** Stores a run's challenger release and registers it under the alias {@code challenger}. */
  public synchronized ReleaseRecord registerChallenger(Path releaseDir, String runId, boolean promoted,
      List<String> reasons) throws IOException {
    ReleaseRecord release = store(releaseDir, runId, promoted, reasons);
    registry.insert(release);
    registry.makeChallenger(release.id());
    return registry.find(release.id()).orElseThrow();
  }

  /**
   * Makes {@code id} the champion: announced first (so the registry never names a champion the processors were
   * not told about), then the aliases move. Promoting the champion announces it again and moves nothing.
   */
  public synchronized ReleaseRecord promote(String id) throws IOException {
    ReleaseRecord release = registry.find(id).orElseThrow(() -> ApiProblem.notFound("release", id));
    announcer.announceChampion(ReleaseLocation.parse(release.location()));
    registry.makeChampion(id);
    return registry.find(id).orElseThrow();
  }

  public Optional<ReleaseRecord> champion() {
    return registry.withAlias(Alias.CHAMPION);
  }

  /** The champion's release folder, fetched from GridFS into the local cache. */
  public Path championDir() throws IOException {
    ReleaseRecord champion = champion().orElseThrow(() -> new IOException("the registry has no champion"));
    return announcer.fetch(ReleaseLocation.parse(champion.location()));
  }

  public List<ReleaseRecord> all() {
    return registry.all();
  }

  public Optional<ReleaseRecord> find(String id) {
    return registry.find(id);
  }

  private ReleaseRecord store(Path releaseDir, String runId, Boolean promoted, List<String> reasons)
      throws IOException {
    ReleaseManifest manifest = ReleaseFiles.readManifest(releaseDir);
    ReleaseLocation location = announcer.store(releaseDir);
    return new ReleaseRecord(manifest.id(), clock.instant(), manifest.labels(), manifest.metrics(),
        location.uri(), location.sha256(), runId, promoted, reasons, List.of());
  }
}
