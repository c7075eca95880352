package io.plantspy.infra.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A container image the build produces: a module of the parent pom whose properties turn Jib on ({@code jib.skip}
 * false), with the image name, main class and port it declares there.
 *
 * @param module the module's folder
 * @param name the image's name under the {@code plantspy/} repository
 * @param mainClass what the entrypoint runs
 * @param port the exposed TCP port; empty for a service with no server
 */
record ServiceImage(String module, String name, String mainClass, Optional<Integer> port) {

  static final String REPOSITORY = "plantspy/";

  /** Every image the build produces, in module order. */
  static List<ServiceImage> all() throws Exception {
    List<ServiceImage> images = new ArrayList<>();
    for (String module : childText(parse(Repository.resolve("pom.xml")).getDocumentElement(), "modules", "module")) {
      Element properties = properties(Repository.resolve(module).resolve("pom.xml"));
      if (properties != null && "false".equals(text(properties, "jib.skip"))) {
        String port = text(properties, "jib.container.ports");
        images.add(new ServiceImage(module, text(properties, "plantspy.image.name"),
            text(properties, "jib.container.mainClass"),
            port == null ? Optional.empty() : Optional.of(Integer.parseInt(port))));
      }
    }
    return images;
  }

  /** The names of {@link #all()}. */
  static Set<String> names() throws Exception {
    return all().stream().map(ServiceImage::name).collect(Collectors.toSet());
  }

  /**
   * The names of {@link #all()} and of their variants, images a module's profile builds under another name (the
   * GPU processor of {@code -Pimages,gpu}).
   */
  static Set<String> namesWithVariants() throws Exception {
    Set<String> names = new java.util.HashSet<>(names());
    for (ServiceImage image : all()) {
      Element project = parse(Repository.resolve(image.module()).resolve("pom.xml")).getDocumentElement();
      for (Element profile : elements(project.getElementsByTagName("profile"))) {
        for (Element properties : elements(profile.getElementsByTagName("properties"))) {
          String name = text(properties, "plantspy.image.name");
          if (name != null) {
            names.add(name);
          }
        }
      }
    }
    return names;
  }

  /** The image name of {@code reference} ({@code plantspy/web:1.0} is {@code web}); empty for other images. */
  static Optional<String> plantspyName(String reference) {
    // plantspy/web:1.0, or the same pushed under a registry: ghcr.io/owner/plantspy/web:1.0
    int at = reference.startsWith(REPOSITORY) ? 0 : reference.lastIndexOf("/" + REPOSITORY) + 1;
    if (at == 0 && !reference.startsWith(REPOSITORY)) {
      return Optional.empty();
    }
    String rest = reference.substring(at + REPOSITORY.length());
    int tag = rest.indexOf(':');
    return Optional.of(tag < 0 ? rest : rest.substring(0, tag));
  }

  /** The image {@code reference} runs, a profile's variant (the GPU processor) counted as its module's; empty for others. */
  static Optional<ServiceImage> of(String reference) throws Exception {
    Optional<String> name = plantspyName(reference);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    String base = name.get().replaceFirst("-gpu$", "");
    return all().stream().filter(i -> i.name().equals(base)).findFirst();
  }

  /** The module's build output folder. */
  Path target() {
    return Repository.resolve(module).resolve("target");
  }

  /** The project version, from the parent pom. */
  static String projectVersion() throws Exception {
    return text(parse(Repository.resolve("pom.xml")).getDocumentElement(), "version");
  }

  private static Element properties(Path pom) throws Exception {
    if (!Files.isRegularFile(pom)) {
      return null;
    }
    NodeList children = parse(pom).getDocumentElement().getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element e && e.getTagName().equals("properties")) {
        return e;
      }
    }
    return null;
  }

  private static List<String> childText(Element parent, String listTag, String itemTag) {
    return Stream.of(parent.getElementsByTagName(listTag).item(0))
        .map(Element.class::cast)
        .flatMap(list -> elements(list.getElementsByTagName(itemTag)).stream())
        .map(Node::getTextContent).map(String::trim).toList();
  }

  /** The text of {@code parent}'s direct child {@code tag}, or null. */
  private static String text(Element parent, String tag) {
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element e && e.getTagName().equals(tag)) {
        return e.getTextContent().trim();
      }
    }
    return null;
  }

  private static List<Element> elements(NodeList nodes) {
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((Element) nodes.item(i));
    }
    return out;
  }

  private static Document parse(Path pom) throws Exception {
    try (var in = Files.newInputStream(pom)) {
      return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
    } catch (IOException e) {
      throw new IOException("Cannot read " + pom, e);
    }
  }
}
