package io.plantspy.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.schemas.TopicNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The overlays of {@code infra/k8s}, rendered ({@link Kustomization}), against what the build produces and what
 * the services declare: images, probes, variables, topics, scaling, network exposure and disruption budgets.
 */
class KubernetesManifestsTest {

  private static final Set<String> REACHABLE_FROM_OUTSIDE = Set.of("ingest-api", "web");

  private static List<Map<String, Object>> render(String overlay) throws Exception {
    return Kustomization.render(Repository.resolve("infra/k8s/overlays").resolve(overlay));
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "gpu"})
  void runsImagesTheBuildProducesAndPinnedThirdPartyImages(String overlay) throws Exception {
    Set<String> produced = ServiceImage.namesWithVariants();
    List<String> wrong = new ArrayList<>();
    Set<String> plantspy = new TreeSet<>();
    for (Map<String, Object> workload : workloads(render(overlay))) {
      for (Map<String, Object> container : Kustomization.containers(workload)) {
        String image = (String) container.get("image");
        Optional<String> name = ServiceImage.plantspyName(image);
        if (name.isPresent()) {
          plantspy.add(name.get());
          if (!produced.contains(name.get())) {
            wrong.add(image + " (not built)");
          }
        } else if (!image.matches(".+:v?[0-9][^:]*")) { // Prometheus tags its releases v3.5.0
          wrong.add(image + " (a third-party image without a version tag)");
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(plantspy).as("PlantSpy images deployed").hasSize(ServiceImage.all().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "gpu"})
  void probesAskHealthGroupsOnThePortTheImageExposes(String overlay) throws Exception {
    List<String> wrong = new ArrayList<>();
    int probes = 0;
    for (Map<String, Object> workload : workloads(render(overlay))) {
      for (Map<String, Object> container : Kustomization.containers(workload)) {
        Optional<ServiceImage> image = image(container);
        if (image.isEmpty()) {
          continue;
        }
        Set<String> groups = healthGroups(image.get().module());
        for (String kind : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
          Map<String, Object> probe = map(container.get(kind));
          if (probe == null) {
            continue;
          }
          probes++;
          Map<String, Object> action = map(probe.getOrDefault("httpGet", probe.get("tcpSocket")));
          Integer port = containerPort(container, action.get("port"));
          if (!Optional.ofNullable(port).equals(image.get().port())) {
            wrong.add(image.get().name() + " " + kind + " port " + action.get("port") + " is not the image's port");
          }
          if (probe.containsKey("httpGet")) {
            String path = (String) action.get("path");
            String group = path.replaceFirst("^/actuator/health/", "");
            if (!path.startsWith("/actuator/health/") || !groups.contains(group)) {
              wrong.add(image.get().name() + " " + kind + " " + path + " (groups: " + groups + ")");
            }
          }
        }
      }
    }
    assertThat(probes).isPositive();
    assertThat(wrong).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "gpu"})
  void everyVariableOfAServiceConfiguresThatService(String overlay) throws Exception {
    List<String> unbound = new ArrayList<>();
    for (Map<String, Object> workload : workloads(render(overlay))) {
      for (Map<String, Object> container : Kustomization.containers(workload)) {
        Optional<ServiceImage> image = image(container);
        if (image.isEmpty()) {
          continue;
        }
        ServiceConfiguration configuration = ServiceConfiguration.of(image.get().module());
        for (Object variable : (List<?>) container.getOrDefault("env", List.of())) {
          String name = (String) map(variable).get("name");
          if (!configuration.accepts(name)) {
            unbound.add(image.get().name() + ": " + name);
          }
        }
      }
    }
    assertThat(unbound).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "gpu"})
  void processorNeverScalesPastTheRequestPartitions(String overlay) throws Exception {
    List<Map<String, Object>> resources = render(overlay);
    Map<String, Integer> partitions = partitions(resources);
    String requests = TopicNames.defaults().requests();
    Map<String, Object> scaling = map(Kustomization.find(resources, "ScaledObject", "stream-processor").get("spec"));

    assertThat((Integer) scaling.get("maxReplicaCount")).isLessThanOrEqualTo(partitions.get(requests));
    assertThat(map(scaling.get("scaleTargetRef")).get("name")).isEqualTo("stream-processor");
    for (Object trigger : (List<?>) scaling.get("triggers")) {
      assertThat(partitions).containsKey((String) map(map(trigger).get("metadata")).get("topic"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "gpu"})
  void createsThePlatformTopicsWithResultsCoPartitionedWithRequests(String overlay) throws Exception {
    List<Map<String, Object>> resources = render(overlay);
    Map<String, String> policies = new LinkedHashMap<>();
    for (Map<String, Object> topic : ofKind(resources, "KafkaTopic")) {
      Map<String, Object> spec = map(topic.get("spec"));
      policies.put((String) spec.get("topicName"), (String) map(spec.get("config")).get("cleanup.policy"));
      assertThat((Integer) spec.get("replicas")).as("replicas of " + spec.get("topicName"))
          .isLessThanOrEqualTo((Integer) map(ofKind(resources, "KafkaNodePool").get(0).get("spec")).get("replicas"));
    }
    assertThat(policies).isEqualTo(PlatformTopics.cleanupPolicies());
    Map<String, Integer> partitions = partitions(resources);
    assertThat(partitions.get(TopicNames.defaults().results()))
        .isEqualTo(partitions.get(TopicNames.defaults().requests()))
        .isEqualTo(partitions.get(TopicNames.DIAGNOSIS_REQUESTS_BULK));
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "gpu"})
  void onlyTheApiAndTheWebAppAcceptTrafficFromOutsideTheNamespace(String overlay) throws Exception {
    boolean denyAll = false;
    Set<String> open = new TreeSet<>();
    for (Map<String, Object> policy : ofKind(render(overlay), "NetworkPolicy")) {
      Map<String, Object> spec = map(policy.get("spec"));
      List<?> ingress = (List<?>) spec.get("ingress");
      boolean selectsAll = map(spec.get("podSelector")).isEmpty();
      if (selectsAll && (ingress == null || ingress.isEmpty())
          && ((List<?>) spec.get("policyTypes")).contains("Ingress")) {
        denyAll = true;
      }
      for (Object rule : ingress == null ? List.of() : ingress) {
        if (fromOutside(map(rule))) {
          Map<String, Object> labels = map(map(spec.get("podSelector")).get("matchLabels"));
          open.add(labels == null ? "every pod" : String.valueOf(labels.get("app.kubernetes.io/name")));
        }
      }
    }
    assertThat(denyAll).as("a policy denying all ingress by default").isTrue();
    assertThat(open).isEqualTo(REACHABLE_FROM_OUTSIDE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "gpu"})
  void everyWorkloadRequestsResourcesAndHasADisruptionBudget(String overlay) throws Exception {
    List<Map<String, Object>> resources = render(overlay);
    Set<String> budgets = new TreeSet<>();
    for (Map<String, Object> pdb : ofKind(resources, "PodDisruptionBudget")) {
      budgets.add((String) map(map(map(pdb.get("spec")).get("selector")).get("matchLabels"))
          .get("app.kubernetes.io/name"));
    }
    for (Map<String, Object> workload : workloads(resources)) {
      assertThat(budgets).as("disruption budgets").contains(Kustomization.name(workload));
      for (Map<String, Object> container : Kustomization.containers(workload)) {
        Map<String, Object> requests = map(map(container.get("resources")).get("requests"));
        assertThat(requests).as("requests of " + container.get("name")).containsKeys("cpu", "memory");
      }
    }
  }

  @Test
  void gpuOverlayGivesEachProcessorOneGpuAndLargerBatches() throws Exception {
    Map<String, Object> gpu = processor(render("gpu"));
    Map<String, Object> cpu = processor(render("local"));

    assertThat(map(map(gpu.get("resources")).get("limits"))).containsEntry("nvidia.com/gpu", 1);
    assertThat(map(map(cpu.get("resources")).get("limits"))).doesNotContainKey("nvidia.com/gpu");
    assertThat(ServiceImage.plantspyName((String) gpu.get("image"))).contains("stream-processor-gpu");
    assertThat(env(gpu)).containsEntry("PLANTSPY_PROCESSOR_INFERENCE_CUDA", "true");
    assertThat(Integer.parseInt(env(gpu).get("PLANTSPY_PROCESSOR_BATCH_MAX_SIZE")))
        .isGreaterThan(defaultBatchSize());
  }

  /** A rule admits traffic from outside the namespace when it names no source, an address block or namespaces. */
  private static boolean fromOutside(Map<String, Object> rule) {
    List<?> from = (List<?>) rule.get("from");
    return from == null || from.isEmpty()
        || from.stream().map(KubernetesManifestsTest::map)
            .anyMatch(peer -> peer.containsKey("ipBlock") || peer.containsKey("namespaceSelector"));
  }

  /** The health groups a service serves: liveness and readiness with probes enabled, and the groups it defines. */
  @SuppressWarnings("unchecked")
  private static Set<String> healthGroups(String module) throws Exception {
    Set<String> groups = new TreeSet<>();
    Path resources = Repository.resolve(module).resolve("src/main/resources");
    for (String file : List.of("application.yml", "application.yaml")) {
      if (!Files.isRegularFile(resources.resolve(file))) {
        continue;
      }
      Map<String, Object> yaml = new Yaml().load(Files.readString(resources.resolve(file)));
      Map<String, Object> management = map(yaml.get("management"));
      Map<String, Object> exposure = management == null ? null
          : map(map(map(management.get("endpoints")).get("web")).get("exposure"));
      if (exposure == null || !String.valueOf(exposure.get("include")).matches("(.*,)?health(,.*)?")) {
        continue;
      }
      Map<String, Object> health = map(map(management.get("endpoint")).get("health"));
      if (health != null && map(health.get("probes")) != null
          && Boolean.TRUE.equals(map(health.get("probes")).get("enabled"))) {
        groups.addAll(List.of("liveness", "readiness"));
      }
      if (health != null && health.get("group") != null) {
        groups.addAll(((Map<String, Object>) health.get("group")).keySet());
      }
    }
    Path properties = resources.resolve("application.properties");
    if (Files.isRegularFile(properties)) {
      Properties flat = new Properties();
      try (var in = Files.newInputStream(properties)) {
        flat.load(in);
      }
      if (flat.getProperty("management.endpoints.web.exposure.include", "").matches("(.*,)?health(,.*)?")) {
        if ("true".equals(flat.getProperty("management.endpoint.health.probes.enabled"))) {
          groups.addAll(List.of("liveness", "readiness"));
        }
        flat.stringPropertyNames().stream().filter(k -> k.startsWith("management.endpoint.health.group."))
            .map(k -> k.substring("management.endpoint.health.group.".length()).split("\\.")[0])
            .forEach(groups::add);
      }
    }
    return groups;
  }

  private static Integer containerPort(Map<String, Object> container, Object port) {
    if (port instanceof Integer number) {
      return number;
    }
    for (Object declared : (List<?>) container.getOrDefault("ports", List.of())) {
      if (port.equals(map(declared).get("name"))) {
        return (Integer) map(declared).get("containerPort");
      }
    }
    return null;
  }

  private static Optional<ServiceImage> image(Map<String, Object> container) throws Exception {
    return ServiceImage.of((String) container.get("image"));
  }

  private static Map<String, Object> processor(List<Map<String, Object>> resources) {
    return Kustomization.containers(Kustomization.find(resources, "Deployment", "stream-processor")).get(0);
  }

  private static Map<String, String> env(Map<String, Object> container) {
    Map<String, String> env = new LinkedHashMap<>();
    for (Object variable : (List<?>) container.getOrDefault("env", List.of())) {
      env.put((String) map(variable).get("name"), String.valueOf(map(variable).get("value")));
    }
    return env;
  }

  /** The processor's default batch size, from its configuration metadata. */
  private static int defaultBatchSize() throws Exception {
    Path metadata = Repository.resolve("stream-processor/target/classes/META-INF/spring-configuration-metadata.json");
    var root = new tools.jackson.databind.ObjectMapper().readTree(metadata.toFile());
    for (var property : root.path("properties")) {
      if (property.path("name").asString().equals("plantspy.processor.batch.max-size")) {
        return property.path("defaultValue").asInt();
      }
    }
    throw new AssertionError("no plantspy.processor.batch.max-size in " + metadata);
  }

  private static Map<String, Integer> partitions(List<Map<String, Object>> resources) {
    Map<String, Integer> partitions = new LinkedHashMap<>();
    for (Map<String, Object> topic : ofKind(resources, "KafkaTopic")) {
      Map<String, Object> spec = map(topic.get("spec"));
      partitions.put((String) spec.get("topicName"), (Integer) spec.get("partitions"));
    }
    return partitions;
  }

  private static List<Map<String, Object>> workloads(List<Map<String, Object>> resources) {
    return resources.stream().filter(r -> Set.of("Deployment", "StatefulSet").contains(r.get("kind"))).toList();
  }

  private static List<Map<String, Object>> ofKind(List<Map<String, Object>> resources, String kind) {
    return resources.stream().filter(r -> kind.equals(r.get("kind"))).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}
