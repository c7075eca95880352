package io.plantspy.infra.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders a Kustomize folder for the tests: kustomize is a Go program (sigs.k8s.io/kustomize), Debian has no
 * package of it and no Java implementation was found for Maven, and the GitHub workflow renders the overlays with
 * the real {@code kubectl kustomize} besides. Only what {@code infra/k8s} uses, and it refuses the rest rather
 * than render it wrongly: {@code resources} (files and folders), {@code namespace}, {@code replicas}, {@code images} (newName,
 * newTag), {@code configMapGenerator} (files; no hash suffix), {@code labels}, and {@code patches} given by
 * {@code path} (strategic merge, one or more documents, matched by kind and name) or inline with a {@code target}
 * kind (JSON 6902 {@code add}/{@code replace}). The strategic merge is limited: maps merge, lists of
 * {@code containers}, {@code initContainers}, {@code env}, {@code volumes} and {@code volumeMounts} merge by
 * {@code name} (or {@code mountPath}) as Kubernetes' merge keys say, every other list is replaced, and
 * {@code $patch} directives are refused.
 */
final class Kustomization {

  private static final Set<String> KNOWN = Set.of("apiVersion", "kind", "resources", "namespace", "replicas", "images",
      "configMapGenerator", "labels", "patches");
  private static final Map<String, String> MERGE_KEYS = Map.of("containers", "name", "initContainers", "name",
      "env", "name", "volumes", "name", "volumeMounts", "mountPath");

  private Kustomization() {}

  /** The resources {@code dir}'s kustomization.yaml produces. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> render(Path dir) throws IOException {
    Map<String, Object> k = new Yaml().load(Files.readString(dir.resolve("kustomization.yaml")));
    for (String key : k.keySet()) {
      if (!KNOWN.contains(key)) {
        throw new IllegalArgumentException(dir + ": this renderer does not know " + key);
      }
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (String resource : (List<String>) k.getOrDefault("resources", List.of())) {
      Path path = dir.resolve(resource).normalize();
      if (Files.isDirectory(path)) {
        out.addAll(render(path));
      } else {
        out.addAll(documents(path));
      }
    }
    for (Map<String, Object> generator : (List<Map<String, Object>>) k.getOrDefault("configMapGenerator", List.of())) {
      Map<String, Object> data = new LinkedHashMap<>();
      for (String file : (List<String>) generator.get("files")) {
        String[] keyAndPath = file.split("=", 2);
        Path source = dir.resolve(keyAndPath[keyAndPath.length - 1]).normalize();
        data.put(keyAndPath.length == 2 ? keyAndPath[0] : source.getFileName().toString(), Files.readString(source));
      }
      out.add(new LinkedHashMap<>(Map.of("apiVersion", "v1", "kind", "ConfigMap",
          "metadata", new LinkedHashMap<>(Map.of("name", generator.get("name"))), "data", data)));
    }
    for (Map<String, Object> patch : (List<Map<String, Object>>) k.getOrDefault("patches", List.of())) {
      if (patch.containsKey("path")) {
        for (Map<String, Object> doc : documents(dir.resolve((String) patch.get("path")))) {
          Map<String, Object> target = find(out, (String) doc.get("kind"), name(doc));
          merge(target, doc);
        }
      } else {
        String kind = (String) ((Map<String, Object>) patch.get("target")).get("kind");
        List<Map<String, Object>> ops = new Yaml().load((String) patch.get("patch"));
        out.stream().filter(r -> kind.equals(r.get("kind"))).forEach(r -> ops.forEach(op -> apply(r, op)));
      }
    }
    for (Map<String, Object> replicas : (List<Map<String, Object>>) k.getOrDefault("replicas", List.of())) {
      Map<String, Object> target = find(out, "Deployment", (String) replicas.get("name"));
      ((Map<String, Object>) target.get("spec")).put("replicas", replicas.get("count"));
    }
    for (Map<String, Object> image : (List<Map<String, Object>>) k.getOrDefault("images", List.of())) {
      retag(out, image);
    }
    for (Map<String, Object> labels : (List<Map<String, Object>>) k.getOrDefault("labels", List.of())) {
      out.forEach(r -> ((Map<String, Object>) r.computeIfAbsent("metadata", m -> new LinkedHashMap<>()))
          .merge("labels", new LinkedHashMap<>((Map<String, Object>) labels.get("pairs")), (a, b) -> {
            ((Map<String, Object>) a).putAll((Map<String, Object>) b);
            return a;
          }));
    }
    if (k.get("namespace") instanceof String namespace) {
      out.stream().filter(r -> !"Namespace".equals(r.get("kind")))
          .forEach(r -> ((Map<String, Object>) r.get("metadata")).put("namespace", namespace));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  static String name(Map<String, Object> resource) {
    return (String) ((Map<String, Object>) resource.get("metadata")).get("name");
  }

  /** The containers of a workload's pod template. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> containers(Map<String, Object> workload) {
    Map<String, Object> spec = (Map<String, Object>) workload.get("spec");
    Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
    return (List<Map<String, Object>>) pod.get("containers");
  }

  static Map<String, Object> find(List<Map<String, Object>> resources, String kind, String name) {
    return resources.stream().filter(r -> kind.equals(r.get("kind")) && name.equals(name(r))).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No " + kind + " " + name));
  }

  private static List<Map<String, Object>> documents(Path file) throws IOException {
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Object doc : new Yaml().loadAll(Files.readString(file))) {
      if (doc != null) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) doc;
        docs.add(map);
      }
    }
    return docs;
  }

  @SuppressWarnings("unchecked")
  private static void merge(Map<String, Object> target, Map<String, Object> patch) {
    for (Map.Entry<String, Object> entry : patch.entrySet()) {
      if (entry.getKey().startsWith("$patch")) {
        throw new IllegalArgumentException("$patch directives are not rendered here");
      }
      Object current = target.get(entry.getKey());
      Object value = entry.getValue();
      if (current instanceof Map && value instanceof Map) {
        merge((Map<String, Object>) current, (Map<String, Object>) value);
      } else if (current instanceof List && value instanceof List && MERGE_KEYS.containsKey(entry.getKey())) {
        mergeList((List<Object>) current, (List<Object>) value, MERGE_KEYS.get(entry.getKey()));
      } else {
        target.put(entry.getKey(), value);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void mergeList(List<Object> target, List<Object> patch, String key) {
    for (Object item : patch) {
      Map<String, Object> patchItem = (Map<String, Object>) item;
      Map<String, Object> existing = target.stream().map(o -> (Map<String, Object>) o)
          .filter(o -> Objects.equals(o.get(key), patchItem.get(key))).findFirst().orElse(null);
      if (existing == null) {
        target.add(item);
      } else {
        merge(existing, patchItem);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void apply(Map<String, Object> resource, Map<String, Object> op) {
    String operation = (String) op.get("op");
    if (!operation.equals("replace") && !operation.equals("add")) {
      throw new IllegalArgumentException("JSON patch op " + operation + " is not rendered here");
    }
    String[] path = ((String) op.get("path")).substring(1).split("/");
    Object node = resource;
    for (int i = 0; i < path.length - 1; i++) {
      node = node instanceof List<?> list
          ? list.get(Integer.parseInt(path[i]))
          : ((Map<String, Object>) node).get(path[i]);
    }
    String last = path[path.length - 1];
    if (node instanceof List<?> list) {
      ((List<Object>) list).set(Integer.parseInt(last), op.get("value"));
    } else {
      if (operation.equals("replace") && !((Map<String, Object>) node).containsKey(last)) {
        throw new IllegalArgumentException("replace of a missing " + op.get("path") + " in " + name(resource));
      }
      ((Map<String, Object>) node).put(last, op.get("value"));
    }
  }

  @SuppressWarnings("unchecked")
  private static void retag(List<Map<String, Object>> resources, Map<String, Object> image) {
    String name = (String) image.get("name");
    for (Map<String, Object> r : resources) {
      if (!Set.of("Deployment", "StatefulSet").contains(r.get("kind"))) {
        continue;
      }
      for (Map<String, Object> container : containers(r)) {
        String reference = (String) container.get("image");
        int colon = reference.lastIndexOf(':');
        String imageName = colon < 0 ? reference : reference.substring(0, colon);
        String tag = colon < 0 ? null : reference.substring(colon + 1);
        if (imageName.equals(name)) {
          String newName = (String) image.getOrDefault("newName", imageName);
          Object newTag = image.getOrDefault("newTag", tag);
          container.put("image", newTag == null ? newName : newName + ":" + newTag);
        }
      }
    }
  }
}
