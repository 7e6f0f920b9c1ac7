package com.shopverse.e2e.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Renders a kustomization with the real kubectl and reads every document it prints. */
final class Manifests {

  /**
   * Debian's kubectl (package kubernetes-client; ./shopverse install adds it). Another binary may
   * be named with -Dshopverse.kubectl, e.g. to render with a newer kubectl as well.
   */
  static final Path KUBECTL = Path.of(System.getProperty("shopverse.kubectl", "/usr/bin/kubectl"));

  private Manifests() {}

  static List<JsonNode> render(Path kustomization) throws IOException, InterruptedException {
    if (!Files.isExecutable(KUBECTL)) {
      throw new AssertionError(
          "kubectl not found at "
              + KUBECTL
              + ": the manifests in deploy/k8s cannot be rendered. Install it with ./shopverse install"
              + " (Debian package kubernetes-client) or: sudo apt-get install -y kubernetes-client");
    }
    Path stderr = Files.createTempFile("kustomize", ".err");
    Process kubectl =
        new ProcessBuilder(KUBECTL.toString(), "kustomize", kustomization.toString())
            .redirectError(stderr.toFile())
            .start();
    byte[] out = kubectl.getInputStream().readAllBytes();
    if (!kubectl.waitFor(2, TimeUnit.MINUTES)) {
      kubectl.destroyForcibly();
      throw new AssertionError(
          "kubectl kustomize " + kustomization + " did not finish in 2 minutes");
    }
    String errors = Files.readString(stderr);
    Files.delete(stderr);
    if (kubectl.exitValue() != 0) {
      throw new AssertionError(
          "kubectl kustomize "
              + kustomization
              + " failed ("
              + kubectl.exitValue()
              + "): "
              + errors);
    }
    return parse(new String(out, StandardCharsets.UTF_8));
  }

  static List<JsonNode> parse(String yaml) {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> docs = new ArrayList<>();
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    for (Object doc : new Yaml(options).loadAll(yaml)) {
      if (doc != null) {
        docs.add(json.valueToTree(doc));
      }
    }
    return docs;
  }

  static Stream<JsonNode> ofKind(List<JsonNode> docs, String kind) {
    return docs.stream().filter(d -> d.path("kind").asText().equals(kind));
  }

  static String name(JsonNode doc) {
    return doc.at("/metadata/name").asText();
  }

  static String id(JsonNode doc) {
    return doc.path("kind").asText() + "/" + name(doc);
  }
}
