package io.plantspy.infra.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code chaos}: the fault-injection suite. Starts a platform of its own (free ports, a fresh state folder, two API
 * instances), drives a steady load through it, and injects one fault at a time: the stream processor killed, MongoDB
 * stopped, the broker killed, one API instance of two killed, poison records. After each it waits until the
 * platform has finished every request sent until the fault ended, and in the end checks every request it was
 * answered 2xx for: finished DONE or FAILED, once (one id per Idempotency-Key, one committed result per id).
 * Prints a table per phase and exits 1 if anything was lost or duplicated or a fault was not recovered from.
 */
@Command(name = "chaos", mixinStandardHelpOptions = true,
    description = "Fault-injection suite: kills and stops services under load, checks nothing is lost or duplicated.")
final class ChaosCommand implements Callable<Integer> {

  private static final Duration POLL = Duration.ofSeconds(1);

  @Option(names = "--quick", description = "The short form CI runs: lower rate, shorter outages and steady phases.")
  boolean quick;

  @Option(names = "--rate", description = "Requests sent per second (default 20, 5 with --quick).")
  Double rate;

  @Option(names = "--mongo-outage", converter = DurationConverter.class,
      description = "How long MongoDB stays stopped (default 60s, 15s with --quick).")
  Duration mongoOutage;

  @Option(names = "--broker-outage", converter = DurationConverter.class,
      description = "How long the broker stays killed (default 20s, 10s with --quick).")
  Duration brokerOutage;

  @Option(names = "--steady", converter = DurationConverter.class,
      description = "Fault-free load before the first fault and after each recovery (default 30s, 10s with --quick).")
  Duration steady;

  @Option(names = "--poison", description = "Poison records written (default 100, 20 with --quick).")
  Integer poison;

  @Option(names = "--recovery-limit", defaultValue = "5m", converter = DurationConverter.class,
      description = "A fault not recovered from within this is a failure (default ${DEFAULT-VALUE}).")
  Duration recoveryLimit;

  @Option(names = "--dataset", description = "Folder of leaf photos (default: ../shared/datasets/plantvillage).")
  Path dataset;

  @Option(names = "--record", paramLabel = "FILE",
      description = "Also write the table, with this command line and the date, into FILE's chaos section "
          + "(RELIABILITY.md).")
  Path record;

  @Option(names = "--keep-state", description = "Keep the platform's state folder and logs (kept anyway on failure).")
  boolean keepState;

  @Spec
  CommandSpec spec;

  private long started;
  private long unannounced;

  @Override
  public Integer call() throws Exception {
    double requestsPerSecond = rate != null ? rate : quick ? 5 : 20;
    Duration mongoDown = mongoOutage != null ? mongoOutage : Duration.ofSeconds(quick ? 15 : 60);
    Duration brokerDown = brokerOutage != null ? brokerOutage : Duration.ofSeconds(quick ? 10 : 20);
    Duration calm = steady != null ? steady : Duration.ofSeconds(quick ? 10 : 30);
    int poisonCount = poison != null ? poison : quick ? 20 : 100;
    if (requestsPerSecond <= 0 || poisonCount < 1) {
      throw new ParameterException(spec.commandLine(), "--rate must be positive and --poison at least 1");
    }
    Path root = PlantspyLauncher.repoRoot();
    List<byte[]> photos = DatasetPhotos.load(DatasetPhotos.folder(dataset), 200);
    Path stateDir = Files.createTempDirectory("plantspy-chaos-");
    PlatformService second = ApiService.secondInstance();
    // The suite measures the diagnosis path; the trainer service and the web app take no part in it.
    List<PlatformService> services = new ArrayList<>(Services.ALL.stream()
        // Nor do the camera feeds (MQTT broker and feed gateway).
        .filter(s -> !s.key().equals("mqtt") && !s.key().equals("feeds"))
        .filter(s -> !s.key().equals("trainer") && !s.key().equals("web")).toList());
    services.add(second);
    PlatformSettings settings = new PlatformSettings(root, stateDir, PlatformSettings.DEFAULT_HOST,
        freePorts(services), PlatformSettings.jarsFromSystemProperties(), Duration.ofSeconds(30));

    started = System.nanoTime();
    say("starting a platform of its own with two API instances (state and logs: " + stateDir + ")");
    boolean passed = false;
    try (Platform platform = Platform.start(settings, services, this::say)) {
      StateFolder state = platform.state();
      state.savePlatform(platform.describe());
      RenewingToken token = new RenewingToken(DemoTokens.fetch(state, "grower"),
          () -> DemoTokens.fetch(state, "grower"), java.time.Instant::now);
      List<PlatformApi> apis = Stream.of(Services.byKey("api").orElseThrow(), second)
          .map(api -> new PlatformApi(settings.httpUrl(api.ports().get(0)) + "/api/v1/diagnoses", token::get))
          .toList();
      List<ChaosFault> faults = List.of(
          new ChaosFault.ServiceOutage("stream processor killed (kill -9), restarted at once",
              service("processor"), true, Duration.ZERO),
          new ChaosFault.ServiceOutage("MongoDB stopped for " + DurationConverter.human(mongoDown),
              service("mongo"), false, mongoDown),
          new ChaosFault.ServiceOutage("broker killed (kill -9) for " + DurationConverter.human(brokerDown),
              service("kafka"), true, brokerDown),
          new ChaosFault.ServiceOutage("one API instance of two killed (kill -9), restarted at once",
              service("api"), true, Duration.ZERO),
          new ChaosFault.PoisonRecords(poisonCount));
      passed = run(platform, apis, photos, requestsPerSecond, calm, faults);
    } catch (ServiceFailedException e) {
      System.err.println("[chaos] the platform did not start: " + e.getMessage());
      System.err.println(e.logTail(40));
    } finally {
      if (passed && !keepState) {
        deleteRecursively(stateDir);
      } else {
        say("state and logs kept in " + stateDir);
      }
    }
    return passed ? 0 : 1;
  }

  private boolean run(Platform platform, List<PlatformApi> apis, List<byte[]> photos, double requestsPerSecond,
      Duration calm, List<ChaosFault> faults) throws Exception {
    ChaosLedger ledger = new ChaosLedger(System::nanoTime);
    ChaosReport report = new ChaosReport();
    // Restarts whatever dies unasked, as up does; the faults hold their own service off it while it is down.
    Supervisor supervisor = new Supervisor(platform, RestartPolicy.of(10, Duration.ofMinutes(10)), System::nanoTime,
        line -> say("supervisor: " + line));
    ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "chaos-watch");
      t.setDaemon(true);
      return t;
    });
    try (ChaosAudit audit = new ChaosAudit(platform.settings());
        ChaosLoad load = new ChaosLoad(apis, photos, requestsPerSecond, ledger)) {
      watch.scheduleWithFixedDelay(supervisor::check, 2, 2, TimeUnit.SECONDS);
      watch.scheduleWithFixedDelay(() -> audit.refresh(ledger), 1, POLL.toMillis(), TimeUnit.MILLISECONDS);
      say(String.format(Locale.ROOT, "sending %.1f requests/s, each with its own Idempotency-Key", requestsPerSecond));
      load.start();
      List<Duration> recoveries = new ArrayList<>();
      Thread.sleep(calm.toMillis());
      recoveries.add(Duration.ZERO);
      for (int i = 0; i < faults.size(); i++) {
        ChaosFault fault = faults.get(i);
        ledger.startPhase(i + 1);
        say("fault " + (i + 1) + " of " + faults.size() + ": " + fault.description());
        long injected = System.nanoTime();
        fault.inject(platform, audit);
        long ended = System.nanoTime();
        say(String.format(Locale.ROOT, "fault over after %.1f s; waiting for the platform to catch up",
            (ended - injected) / 1e9));
        boolean caughtUp = awaitUntil(() -> ledger.settledUpTo(ended) && fault.absorbed(audit), ledger, ended);
        Duration recovery = caughtUp ? Duration.ofNanos(System.nanoTime() - injected) : null;
        say(caughtUp ? String.format(Locale.ROOT, "recovered %.1f s after the fault began", recovery.toMillis() / 1e3)
            : "NOT recovered within " + DurationConverter.human(recoveryLimit));
        recoveries.add(recovery);
        Thread.sleep(calm.toMillis());
      }
      load.stopSending();
      long last = System.nanoTime();
      say("load stopped after " + load.sent() + " requests; waiting for the last ones to finish");
      awaitUntil(() -> ledger.settledUpTo(last), ledger, last);
      watch.shutdownNow();
      audit.refresh(ledger);
      Map<String, Integer> results = audit.resultsPerId();
      // A result for an id the client was never given: a request queued although its caller was told it was not
      // (and so sent again), i.e. work done twice. Poison records are keyed apart and never answered.
      java.util.Set<String> known = ledger.acceptedIds();
      unannounced = results.keySet().stream()
          .filter(id -> !known.contains(id) && !id.startsWith(ChaosAudit.POISON_KEY_PREFIX)).count();
      List<String> phases = new ArrayList<>(List.of("steady load, no fault"));
      faults.forEach(f -> phases.add(f.description()));
      for (int i = 0; i < phases.size(); i++) {
        report.add(new ChaosReport.Row(phases.get(i), ledger.tally(i, results), recoveries.get(i)));
      }
    } finally {
      watch.shutdownNow();
    }
    String table = report.table() + String.format(Locale.ROOT,
        "%nResults on the results topic for requests the client was never told were accepted: **%d**.%n", unannounced);
    boolean passed = report.passed() && unannounced == 0;
    System.out.println();
    System.out.println(table);
    System.out.println(passed ? "PASSED: nothing lost, nothing duplicated, every fault recovered from"
        : "FAILED: see the rows with lost or duplicated requests, requests never accepted, or NOT RECOVERED, and the "
            + "results for requests never announced");
    if (record != null) {
      ChaosReport.record(record, section(table, requestsPerSecond));
      say("table written to " + record);
    }
    return passed;
  }

  /** Polls until {@code done} or the recovery limit, reporting progress every 10 s. */
  private boolean awaitUntil(BooleanSupplier done, ChaosLedger ledger, long upTo) throws InterruptedException {
    long deadline = System.nanoTime() + recoveryLimit.toNanos();
    long nextReport = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      if (System.nanoTime() - nextReport > 0) {
        say(ledger.outstandingUpTo(upTo) + " requests sent before then still to finish");
        nextReport += Duration.ofSeconds(10).toNanos();
      }
      Thread.sleep(POLL.toMillis());
    }
    return true;
  }

  private String section(String table, double requestsPerSecond) {
    return String.format(Locale.ROOT, "Measured %s on this %d-core machine (everything on the same cores) with "
        + "`./plantspy %s`, %.1f requests/s:%n%n%s", LocalDate.now(), Runtime.getRuntime().availableProcessors(),
        String.join(" ", spec.commandLine().getParseResult().originalArgs()), requestsPerSecond, table);
  }

  private static PlatformService service(String key) {
    return Services.byKey(key).orElseThrow();
  }

  /** A free loopback port for every port of {@code services}. */
  private static PlatformSettings.Ports freePorts(List<PlatformService> services) throws IOException {
    Map<String, Integer> ports = new LinkedHashMap<>();
    List<ServerSocket> held = new ArrayList<>();
    try {
      for (PlatformService service : services) {
        for (NamedPort port : service.ports()) {
          // Held open until all are chosen, so no two ports come out the same.
          ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
          held.add(socket);
          ports.put(port.key(), socket.getLocalPort());
        }
      }
    } finally {
      for (ServerSocket socket : held) {
        socket.close();
      }
    }
    return new PlatformSettings.Ports(ports);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private void say(String line) {
    System.out.printf(Locale.ROOT, "[chaos %6.1fs] %s%n", (System.nanoTime() - started) / 1e9, line);
    System.out.flush();
  }
}
