package io.plantspy.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Compose and Kubernetes add Prometheus and Grafana with the committed configuration: Prometheus scrapes every
 * service that exports metrics, on the port it serves them, and loads the alert rules; Grafana gets the Prometheus
 * data source and the dashboard where its provider looks.
 */
class ObservabilityDeploymentTest {

  private static final Path OBSERVABILITY = Path.of("infra/observability");

  @Test
  void composePrometheusScrapesEveryServiceThatExportsMetricsAndLoadsTheAlertRules() throws Exception {
    Map<String, Map<String, Object>> services = composeServices();
    Set<String> expected = new TreeSet<>();
    for (var service : services.entrySet()) {
      Optional<ServiceImage> image = ServiceImage.of(String.valueOf(service.getValue().get("image")));
      if (image.isPresent() && exportsMetrics(image.get().module())) {
        expected.add(service.getKey() + ":" + image.get().port().orElseThrow());
      }
    }
    Map<String, Object> config = yaml(OBSERVABILITY.resolve("prometheus/prometheus-compose.yml"));
    Set<String> targets = new TreeSet<>();
    for (Object job : list(config.get("scrape_configs"))) {
      assertThat(map(job).get("metrics_path")).isEqualTo("/actuator/prometheus");
      for (Object group : list(map(job).get("static_configs"))) {
        list(map(group).get("targets")).forEach(t -> targets.add((String) t));
      }
    }

    assertThat(expected).as("services exporting metrics").hasSizeGreaterThanOrEqualTo(6);
    assertThat(targets).isEqualTo(expected);
    Map<String, String> mounts = composeMounts(services.get("prometheus"));
    assertThat(mounts).containsEntry("/etc/prometheus/prometheus.yml",
        "../observability/prometheus/prometheus-compose.yml");
    assertThat(list(config.get("rule_files"))).singleElement().satisfies(rules ->
        assertThat(mounts).containsEntry((String) rules, "../observability/prometheus/alerts.yml"));
  }

  @Test
  void composeGrafanaGetsThePrometheusDataSourceAndTheDashboardWhereItsProviderLooks() throws Exception {
    Map<String, Map<String, Object>> services = composeServices();
    Map<String, String> mounts = composeMounts(services.get("grafana"));

    assertThat(mounts).containsEntry("/etc/grafana/provisioning/datasources/plantspy.yml",
        "../observability/grafana/provisioning/datasources.yml");
    assertThat(mounts).containsEntry("/etc/grafana/provisioning/dashboards/plantspy.yml",
        "../observability/grafana/provisioning/dashboards.yml");
    assertThat(mounts).containsEntry(dashboardFolder() + "/plantspy.json", "../observability/grafana/plantspy.json");
    assertThat(services).containsKey(dataSourceHost());
    assertThat(String.valueOf(services.get(dataSourceHost()).get("image"))).startsWith("prom/prometheus:");
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "gpu"})
  void kubernetesPrometheusScrapesEveryPodThatExportsMetricsOnItsPort(String overlay) throws Exception {
    List<Map<String, Object>> resources = Kustomization.render(Repository.resolve("infra/k8s/overlays").resolve(overlay));
    List<String> wrong = new ArrayList<>();
    int scraped = 0;
    for (Map<String, Object> workload : resources) {
      if (!"Deployment".equals(workload.get("kind"))) {
        continue;
      }
      Optional<ServiceImage> image = ServiceImage.of((String) Kustomization.containers(workload).get(0).get("image"));
      if (image.isEmpty() || !exportsMetrics(image.get().module())) {
        continue;
      }
      scraped++;
      Map<String, Object> annotations = map(map(map(map(workload.get("spec")).get("template")).get("metadata"))
          .getOrDefault("annotations", Map.of()));
      if (!"true".equals(annotations.get("prometheus.io/scrape"))
          || !String.valueOf(image.get().port().orElseThrow()).equals(annotations.get("prometheus.io/port"))) {
        wrong.add(Kustomization.name(workload) + " " + annotations);
      }
    }
    assertThat(scraped).isGreaterThanOrEqualTo(6);
    assertThat(wrong).isEmpty();

    Map<String, Object> prometheus = Kustomization.find(resources, "Deployment", "prometheus");
    Map<String, Object> config = new Yaml().load(configMapEntry(resources, prometheus, "/etc/prometheus", "prometheus.yml"));
    Map<String, Object> job = map(list(config.get("scrape_configs")).get(0));
    assertThat(map(list(job.get("kubernetes_sd_configs")).get(0))).containsEntry("role", "pod");
    String rules = (String) list(config.get("rule_files")).get(0);
    assertThat(configMapEntry(resources, prometheus, "/etc/prometheus", Path.of(rules).getFileName().toString()))
        .isEqualTo(Files.readString(Repository.resolve(OBSERVABILITY.resolve("prometheus/alerts.yml").toString())));
    assertThat(podDiscoveryGrantedTo(resources, (String) map(map(map(prometheus.get("spec")).get("template"))
        .get("spec")).get("serviceAccountName"))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "gpu"})
  void kubernetesGrafanaGetsTheDashboardWhereItsProviderLooks(String overlay) throws Exception {
    List<Map<String, Object>> resources = Kustomization.render(Repository.resolve("infra/k8s/overlays").resolve(overlay));
    Map<String, Object> grafana = Kustomization.find(resources, "Deployment", "grafana");

    assertThat(configMapEntry(resources, grafana, dashboardFolder(), "plantspy.json"))
        .isEqualTo(Files.readString(Repository.resolve(OBSERVABILITY.resolve("grafana/plantspy.json").toString())));
    assertThat(Kustomization.find(resources, "Service", dataSourceHost())).isNotNull();
  }

  /** Where the committed dashboard provider tells Grafana to look for dashboards. */
  private static String dashboardFolder() throws Exception {
    Map<String, Object> provider = map(list(yaml(OBSERVABILITY.resolve("grafana/provisioning/dashboards.yml"))
        .get("providers")).get(0));
    return (String) map(provider.get("options")).get("path");
  }

  /** The host of the committed Prometheus data source: a service of that name must exist. */
  private static String dataSourceHost() throws Exception {
    Map<String, Object> source = map(list(yaml(OBSERVABILITY.resolve("grafana/provisioning/datasources.yml"))
        .get("datasources")).get(0));
    return java.net.URI.create((String) source.get("url")).getHost();
  }

  /** The text of the ConfigMap key mounted as {@code file} under {@code mountPath} in the workload's container. */
  private static String configMapEntry(List<Map<String, Object>> resources, Map<String, Object> workload,
      String mountPath, String file) {
    Map<String, Object> pod = map(map(map(workload.get("spec")).get("template")).get("spec"));
    for (Object mount : list(Kustomization.containers(workload).get(0).get("volumeMounts"))) {
      if (!mountPath.equals(map(mount).get("mountPath"))) {
        continue;
      }
      for (Object volume : list(pod.get("volumes"))) {
        if (map(volume).get("name").equals(map(mount).get("name")) && map(volume).containsKey("configMap")) {
          String configMap = (String) map(map(volume).get("configMap")).get("name");
          return (String) map(Kustomization.find(resources, "ConfigMap", configMap).get("data")).get(file);
        }
      }
    }
    throw new AssertionError(Kustomization.name(workload) + " mounts no ConfigMap at " + mountPath);
  }

  private static boolean podDiscoveryGrantedTo(List<Map<String, Object>> resources, String serviceAccount) {
    for (Map<String, Object> binding : resources) {
      if (!"RoleBinding".equals(binding.get("kind"))
          || list(binding.get("subjects")).stream().noneMatch(s -> serviceAccount.equals(map(s).get("name")))) {
        continue;
      }
      Map<String, Object> role = Kustomization.find(resources, "Role", (String) map(binding.get("roleRef")).get("name"));
      for (Object rule : list(role.get("rules"))) {
        if (list(map(rule).get("resources")).contains("pods")
            && list(map(rule).get("verbs")).containsAll(List.of("list", "watch"))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether a service module's configuration exposes {@code /actuator/prometheus}. */
  private static boolean exportsMetrics(String module) throws Exception {
    Path resources = Repository.resolve(module).resolve("src/main/resources");
    for (String file : List.of("application.yml", "application.yaml")) {
      if (Files.isRegularFile(resources.resolve(file))) {
        Map<String, Object> yaml = new Yaml().load(Files.readString(resources.resolve(file)));
        Object include = Optional.ofNullable(map(yaml.get("management"))).map(m -> map(m.get("endpoints")))
            .map(e -> map(e.get("web"))).map(w -> map(w.get("exposure"))).map(x -> x.get("include")).orElse("");
        if (String.valueOf(include).matches("(.*,\\s*)?prometheus(\\s*,.*)?")) {
          return true;
        }
      }
    }
    Path properties = resources.resolve("application.properties");
    if (Files.isRegularFile(properties)) {
      Properties flat = new Properties();
      try (var in = Files.newInputStream(properties)) {
        flat.load(in);
      }
      return flat.getProperty("management.endpoints.web.exposure.include", "").matches("(.*,)?prometheus(,.*)?");
    }
    return false;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> composeServices() throws Exception {
    return (Map<String, Map<String, Object>>) yaml(Path.of("infra/compose/compose.yaml")).get("services");
  }

  /** A Compose service's bind mounts: container path to host path (as written, relative to the Compose file). */
  private static Map<String, String> composeMounts(Map<String, Object> service) {
    Map<String, String> mounts = new java.util.LinkedHashMap<>();
    for (Object volume : list(service.get("volumes"))) {
      String[] parts = ((String) volume).split(":");
      if (parts[0].startsWith(".")) {
        mounts.put(parts[1], parts[0]);
      }
    }
    return mounts;
  }

  private static Map<String, Object> yaml(Path relative) throws Exception {
    return new Yaml().load(Files.readString(Repository.resolve(relative.toString())));
  }

  private static List<?> list(Object value) {
    return value == null ? List.of() : (List<?>) value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}
