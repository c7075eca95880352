package io.plantspy.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Each service's image tarball ({@code ./mvnw -Pimages package}), opened and its configuration checked: what it
 * runs, as whom, on which port, with which labels. Runs in builds with the images profile, which sets
 * {@code plantspy.images.built}; there a missing tarball fails.
 */
@EnabledIfSystemProperty(named = "plantspy.images.built", matches = "true")
class ImageTarballsTest {

  static List<ServiceImage> images() throws Exception {
    return ServiceImage.all();
  }

  @ParameterizedTest
  @MethodSource("images")
  void runsTheServiceAsANonRootUserWithAHeapSizedByTheContainer(ServiceImage image) throws Exception {
    JsonNode config = config(image);

    List<String> entrypoint = strings(config.path("Entrypoint"));
    assertThat(entrypoint).first().isEqualTo("java");
    assertThat(entrypoint).last().isEqualTo(image.mainClass());
    assertThat(entrypoint).anyMatch(flag -> flag.startsWith("-XX:MaxRAMPercentage="))
        .noneMatch(flag -> flag.startsWith("-Xmx") || flag.startsWith("-Xms"));

    String user = config.path("User").asString("");
    assertThat(user).as("image user").isNotBlank().isNotEqualTo("root");
    assertThat(user.split(":")[0]).as("uid").isNotIn("0", "root");
  }

  @ParameterizedTest
  @MethodSource("images")
  void exposesItsPortOnly(ServiceImage image) throws Exception {
    List<String> exposed = new ArrayList<>();
    config(image).path("ExposedPorts").propertyNames().forEach(exposed::add);
    assertThat(exposed).containsExactlyElementsOf(image.port().map(p -> List.of(p + "/tcp")).orElse(List.of()));
  }

  @ParameterizedTest
  @MethodSource("images")
  void isLabelledWithTheVersionAndCommitItWasBuiltFrom(ServiceImage image) throws Exception {
    JsonNode labels = config(image).path("Labels");
    assertThat(labels.path("org.opencontainers.image.version").asString()).isEqualTo(ServiceImage.projectVersion());
    assertThat(labels.path("org.opencontainers.image.revision").asString())
        .as("the checkout's commit (in a linked git worktree pass -Dplantspy.image.revision=$(git rev-parse HEAD))")
        .isEqualTo(Repository.headCommit());
    assertThat(labels.path("io.plantspy.health").asString()).as("health label")
        .matches("/actuator/health|none \\(.+\\)");
  }

  private static JsonNode config(ServiceImage image) throws Exception {
    Path tarball = image.target().resolve("jib-image.tar");
    assertThat(tarball).as("image tarball of " + image.module()).isRegularFile();
    return ImageTarball.config(tarball);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(node -> out.add(node.asString()));
    return out;
  }
}
