package com.shopverse.e2e.k8s;

import static com.shopverse.e2e.k8s.Manifests.id;
import static com.shopverse.e2e.k8s.Manifests.name;
import static com.shopverse.e2e.k8s.Manifests.ofKind;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s, rendered by the real kubectl (Debian's kubernetes-client; its kustomize is the old
 * 2.0.3, so the manifests must render there as well as with a current one) and then checked: every
 * document against the schema of its kind, and the rules that keep the platform safe to run. Each
 * rule is also shown to catch a broken manifest, so a check that can no longer fail is noticed.
 */
class KubernetesManifestsTest {

  static final Path ROOT =
      Path.of(System.getProperty("shopverse.root", "..")).toAbsolutePath().normalize();
  static final Path K8S = ROOT.resolve("deploy/k8s");

  static List<JsonNode> base;
  static List<JsonNode> local;
  static Schemas schemas;

  @BeforeAll
  static void render() throws Exception {
    base = Manifests.render(K8S.resolve("base"));
    local = Manifests.render(K8S.resolve("overlays/local"));
    schemas = new Schemas(K8S.resolve("crd-schemas"));
  }

  @Test
  void everyRenderedDocumentMatchesTheSchemaOfItsKind() {
    List<String> problems = new ArrayList<>();
    for (List<JsonNode> render : List.of(base, local)) {
      render.forEach(doc -> problems.addAll(schemas.problems(doc)));
    }
    System.out.printf(
        "deploy/k8s: %d documents in the base, %d in the local overlay, kinds %s%n",
        base.size(), local.size(), kinds(local));

    assertThat(problems).isEmpty();
    assertThat(local).hasSizeGreaterThanOrEqualTo(50);
  }

  @Test
  void rendersThePlatformWithItsOperatorsResources() {
    assertThat(kinds(local))
        .contains(
            "Deployment",
            "Service",
            "HorizontalPodAutoscaler",
            "ConfigMap",
            "Secret",
            "NetworkPolicy",
            "Ingress",
            "StatefulSet",
            "Kafka",
            "KafkaNodePool",
            "KafkaTopic",
            "FlinkDeployment",
            "ClickHouseInstallation",
            "Cluster");
    assertThat(ofKind(local, "Deployment").map(Manifests::name))
        .containsExactlyInAnyOrderElementsOf(Rules.SPRING_SERVICES);
    assertThat(local)
        .allMatch(
            d ->
                d.at("/kind").asText().equals("Namespace")
                    || d.at("/metadata/namespace").asText().equals("shopverse"),
            "in namespace shopverse");
  }

  @Test
  void everyContainerHasThreeProbesOnTheHealthGroupsAndRequestsAndLimits() {
    assertThat(Rules.probesAndResources(local)).isEmpty();
  }

  @Test
  void everyWorkloadHasACpuAutoscalerOrSaysWhyNot() {
    assertThat(Rules.autoscaling(local)).isEmpty();
    assertThat(Rules.autoscaling(base)).isEmpty();
  }

  @Test
  void podsRunAsNonRootWithAReadOnlyRootFilesystem() {
    assertThat(Rules.podSecurity(local)).isEmpty();
  }

  @Test
  void onlyTheGatewayIsReachableFromOutsideAndEachBackendOnlyFromItsCallers() {
    assertThat(Rules.networkPolicies(local)).isEmpty();
  }

  @Test
  void givesEachServiceOnlyVariablesItReadsFromConfigMapsAndSecretsThatExist() throws IOException {
    String defaults = read("service-defaults/src/main/resources/shopverse-defaults.yml");
    List<String> broken = new ArrayList<>();
    for (JsonNode deployment : ofKind(local, "Deployment").toList()) {
      String service = name(deployment);
      String config = read(service + "/src/main/resources/application.yml") + defaults;
      JsonNode container = deployment.at("/spec/template/spec/containers/0");
      List<String> variables = new ArrayList<>();
      container.path("env").forEach(e -> variables.add(e.path("name").asText()));
      for (JsonNode source : container.path("envFrom")) {
        String kind = source.has("configMapRef") ? "ConfigMap" : "Secret";
        String ref =
            source
                .path(source.has("configMapRef") ? "configMapRef" : "secretRef")
                .path("name")
                .asText();
        JsonNode found =
            ofKind(local, kind).filter(d -> name(d).equals(ref)).findFirst().orElse(null);
        if (found == null) {
          broken.add(service + ": " + kind + " " + ref + " does not exist");
          continue;
        }
        found
            .path(kind.equals("Secret") ? "stringData" : "data")
            .fieldNames()
            .forEachRemaining(variables::add);
      }
      for (String variable : variables) {
        if (!config.contains("${" + variable + ":") && !readByTheAgentOrBoot(variable)) {
          broken.add(service + ": " + variable + " is read by nobody");
        }
      }
      // server.port's variable (other settings, like Redis', have ports too).
      Matcher port =
          Pattern.compile("(?m)^server:\\n(?:  .*\\n)*?  port: \\$\\{([A-Z_]+_PORT):(\\d+)}")
              .matcher(read(service + "/src/main/resources/application.yml"));
      assertThat(port.find()).as(service).isTrue();
      if (!variables.contains(port.group(1))
          || container.at("/ports/0/containerPort").asInt() != Integer.parseInt(port.group(2))) {
        broken.add(service + ": containerPort is not the " + port.group(1) + " it listens on");
      }
      if (!variables.contains("OTEL_SERVICE_NAME")) {
        broken.add(service + ": its traces carry no OTEL_SERVICE_NAME");
      }
    }
    assertThat(broken).isEmpty();
  }

  @Test
  void theBaseHoldsOnlyPlaceholderSecrets() {
    List<String> values = new ArrayList<>();
    ofKind(base, "Secret").forEach(s -> s.path("stringData").forEach(v -> values.add(v.asText())));
    assertThat(ofKind(base, "Secret").filter(s -> s.has("data"))).isEmpty();
    assertThat(values).isNotEmpty().allMatch(v -> v.startsWith("CHANGE-ME"));
  }

  @Test
  void kafkaTopicsHaveThePartitionsTheCodeUses() throws IOException {
    Matcher ingest =
        Pattern.compile("partitions: \\$\\{INGEST_TOPIC_PARTITIONS:(\\d+)}")
            .matcher(read("event-ingest-service/src/main/resources/application.yml"));
    assertThat(ingest.find()).isTrue();
    String partitions = ingest.group(1);
    // The analytics job's four inputs (the ops job writes anomalies), each with a dead-letter
    // topic.
    List<String> inputs =
        List.of("user-interactions", "order-events", "catalog-events", "anomalies");
    List<String> deadLetters = inputs.stream().map(t -> t + ".dlt").toList();
    List<String> all = new ArrayList<>(inputs);
    all.addAll(deadLetters);
    all.add("auth-events"); // read by the ops job only, which sends no dead letters
    assertThat(ofKind(local, "KafkaTopic").map(Manifests::name))
        .containsExactlyInAnyOrderElementsOf(all);
    ofKind(local, "KafkaTopic")
        .filter(t -> !deadLetters.contains(name(t)))
        .forEach(
            t -> assertThat(t.at("/spec/partitions").asText()).as(id(t)).isEqualTo(partitions));
    // The analytics job creates its dead-letter topics with one partition; the manifests agree.
    assertThat(read("analytics-flink-job/src/main/java/com/shopverse/analytics/AnalyticsJob.java"))
        .contains("KafkaTopics.ensure(settings.kafkaBootstrap(), 1, topic + DeadLetter.SUFFIX)");
    ofKind(local, "KafkaTopic")
        .filter(t -> deadLetters.contains(name(t)))
        .forEach(t -> assertThat(t.at("/spec/partitions").asText()).as(id(t)).isEqualTo("1"));
    // A topic must not be left to a job to create: it would get one replica.
    ofKind(base, "KafkaTopic")
        .forEach(
            t -> {
              assertThat(t.at("/spec/replicas").asInt()).as(id(t)).isEqualTo(3);
              assertThat(t.at("/spec/config/min.insync.replicas").asInt()).as(id(t)).isEqualTo(2);
            });
    assertThat(configMap("event-ingest-service").path("INGEST_TOPIC_PARTITIONS").asText())
        .isEqualTo(partitions);
    for (JsonNode flink : ofKind(local, "FlinkDeployment").toList()) {
      assertThat(flinkEnv(flink).get("INTERACTIONS_TOPIC_PARTITIONS"))
          .as(id(flink))
          .isEqualTo(partitions);
    }
  }

  @Test
  void flinkRunsEachJobJarInApplicationModeWithCheckpointsAndThePrometheusReporter()
      throws IOException {
    String dockerfile = read("deploy/docker/flink-job.Dockerfile");
    assertThat(dockerfile)
        .contains("COPY ${JOB}/target/${JOB}-0.1.0-SNAPSHOT.jar /opt/flink/usrlib/${JOB}.jar");
    List<JsonNode> deployments = ofKind(local, "FlinkDeployment").toList();
    assertThat(deployments.stream().map(Manifests::name))
        .containsExactlyInAnyOrder("shopverse-analytics", "shopverse-ops");
    for (JsonNode flink : deployments) {
      String jar = flink.at("/spec/job/jarURI").asText();
      Matcher usrlib = Pattern.compile("local:///opt/flink/usrlib/([a-z-]+)\\.jar").matcher(jar);
      assertThat(usrlib.matches()).as(jar).isTrue();
      String module = usrlib.group(1);
      assertThat(flink.at("/spec/image").asText())
          .as("the image built with JOB=" + module)
          .isEqualTo("shopverse/" + module + ":0.1.0-SNAPSHOT");
      String entryClass = flink.at("/spec/job/entryClass").asText();
      assertThat(ROOT.resolve(module + "/src/main/java/" + entryClass.replace('.', '/') + ".java"))
          .as(id(flink))
          .isRegularFile();
      assertThat(flink.at("/spec/job/args").toString())
          .contains("\"--parallelism\",\"" + flink.at("/spec/job/parallelism").asText() + "\"");

      JsonNode conf = flink.at("/spec/flinkConfiguration");
      assertThat(conf.path("metrics.reporter.prom.factory.class").asText())
          .isEqualTo("org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
      assertThat(conf.path("metrics.reporter.prom.port").asText()).isEqualTo("9249");
      assertThat(flink.at("/spec/podTemplate/metadata/annotations/prometheus.io~1port").asText())
          .isEqualTo("9249");
      java.util.Map<String, String> env = flinkEnv(flink);
      String checkpointDir = env.getOrDefault("CHECKPOINT_DIR", env.get("OPS_CHECKPOINT_DIR"));
      assertThat(conf.path("execution.checkpointing.dir").asText())
          .as(id(flink))
          .isNotBlank()
          .isEqualTo(checkpointDir);
      assertThat(conf.path("high-availability.type").asText()).isEqualTo("kubernetes");
    }
    assertThat(
            deployments.stream()
                .map(f -> f.at("/spec/flinkConfiguration/execution.checkpointing.dir").asText())
                .distinct())
        .as("each job its own checkpoints")
        .hasSize(2);
  }

  // ---------------------------------------------------------------- the checks can fail

  @Test
  void theProbeRuleCatchesARemovedReadinessProbe() {
    List<JsonNode> broken = copy(local);
    container(broken, "gateway-service").remove("readinessProbe");

    assertThat(Rules.probesAndResources(broken))
        .containsExactly("Deployment/gateway-service container gateway: no readinessProbe");
  }

  @Test
  void theProbeRuleCatchesAMissingLimitAndAProbeOnTheWrongPath() {
    List<JsonNode> broken = copy(local);
    ((ObjectNode) container(broken, "order-service").path("resources")).remove("limits");
    ((ObjectNode) container(broken, "auth-service").at("/livenessProbe/httpGet")).put("path", "/");

    assertThat(Rules.probesAndResources(broken))
        .contains(
            "Deployment/order-service container order: no resources.limits.cpu",
            "Deployment/auth-service container auth: livenessProbe does not ask /actuator/health/liveness");
  }

  @Test
  void thePrometheusAdapterServesTheExternalMetricTheHpaAsksForFromTheOpsJobsReporterName()
      throws IOException {
    JsonNode values = Manifests.parse(read("deploy/helm/prometheus-adapter-values.yaml")).get(0);
    JsonNode rule = values.at("/rules/external/0");
    JsonNode hpaMetric =
        ofKind(local, "HorizontalPodAutoscaler")
            .filter(h -> name(h).equals("event-ingest-service"))
            .flatMap(
                h ->
                    java.util.stream.StreamSupport.stream(
                        h.at("/spec/metrics").spliterator(), false))
            .filter(m -> m.path("type").asText().equals("External"))
            .findFirst()
            .orElseThrow()
            .at("/external/metric");

    assertThat(rule.at("/name/as").asText()).isEqualTo(hpaMetric.path("name").asText());
    // The reporter's name, as the recording rule the promtool tests exercise reads it.
    String reporterName = rule.at("/name/matches").asText().replaceAll("[\\^$]", "");
    assertThat(read("deploy/prometheus/rules/ops-intelligence.yml"))
        .contains("(" + reporterName + ")");
    assertThat(rule.path("seriesQuery").asText()).startsWith(reporterName + "{");
    hpaMetric
        .at("/selector/matchLabels")
        .fieldNames()
        .forEachRemaining(label -> assertThat(rule.path("metricsQuery").asText()).contains(label));
  }

  @Test
  void theAutoscalingRuleCatchesAWorkloadWithoutAnHpaOrReason() {
    List<JsonNode> broken = copy(local);
    broken.removeIf(d -> id(d).equals("HorizontalPodAutoscaler/event-ingest-service"));
    ((ObjectNode) ofKind(broken, "StatefulSet").findFirst().orElseThrow().path("metadata"))
        .remove("annotations");

    assertThat(Rules.autoscaling(broken))
        .containsExactlyInAnyOrder(
            "Deployment/event-ingest-service: no HorizontalPodAutoscaler and no shopverse.io/no-autoscaling reason",
            "StatefulSet/redis: no HorizontalPodAutoscaler and no shopverse.io/no-autoscaling reason");
  }

  @Test
  void theNetworkRuleCatchesABackendOpenedToOutsideAndAMissingDefaultDeny() {
    List<JsonNode> broken = copy(local);
    broken.removeIf(d -> id(d).equals("NetworkPolicy/default-deny-ingress"));
    JsonNode order =
        ofKind(broken, "NetworkPolicy")
            .filter(p -> name(p).equals("order-service"))
            .findFirst()
            .orElseThrow();
    ((ArrayNode) order.at("/spec/ingress"))
        .addObject()
        .putArray("ports")
        .addObject()
        .put("port", 8083);
    JsonNode catalog =
        ofKind(broken, "NetworkPolicy")
            .filter(p -> name(p).equals("catalog-service"))
            .findFirst()
            .orElseThrow();
    ((ObjectNode) catalog.at("/spec/ingress/0/from/0/podSelector/matchLabels"))
        .put("app.kubernetes.io/name", "event-ingest-service");
    ((ObjectNode)
            ofKind(broken, "Service")
                .filter(s -> name(s).equals("redis"))
                .findFirst()
                .orElseThrow()
                .path("spec"))
        .put("type", "LoadBalancer");

    assertThat(Rules.networkPolicies(broken))
        .containsExactlyInAnyOrder(
            "no default-deny NetworkPolicy (podSelector {}, Ingress, no rules)",
            "NetworkPolicy/order-service: a rule open to every source",
            "NetworkPolicy/catalog-service: lets in app.kubernetes.io/name=event-ingest-service, which does not call app.kubernetes.io/name=catalog-service",
            "Service/redis: type LoadBalancer reaches outside");
  }

  @Test
  void theSchemaCheckCatchesAMisspeltFieldInKubernetesAndOperatorKinds() {
    List<JsonNode> broken = copy(local);
    ObjectNode gateway = container(broken, "gateway-service");
    gateway.set("readinesProbe", gateway.remove("readinessProbe"));
    JsonNode topic = ofKind(broken, "KafkaTopic").findFirst().orElseThrow();
    ((ObjectNode) topic.path("spec")).put("partitons", 3);
    JsonNode chi = ofKind(broken, "ClickHouseInstallation").findFirst().orElseThrow();
    ((ObjectNode) chi.at("/spec/templates/podTemplates/0/spec/containers/0"))
        .put("imagePullPolice", "Always");
    JsonNode hpa = ofKind(broken, "HorizontalPodAutoscaler").findFirst().orElseThrow();
    ((ObjectNode) hpa.path("spec")).put("maxReplicas", "2");

    List<String> problems = new ArrayList<>();
    broken.forEach(d -> problems.addAll(schemas.problems(d)));

    assertThat(problems).hasSize(4);
    assertThat(String.join("\n", problems))
        .contains("Deployment/gateway-service at /spec/template/spec/containers/0/readinesProbe")
        .contains("KafkaTopic/" + name(topic) + ": ")
        .contains("partitons")
        .contains("ClickHouseInstallation/shopverse at /containers/0/imagePullPolice")
        .contains("HorizontalPodAutoscaler/" + name(hpa) + " at /spec/maxReplicas");
  }

  // ---------------------------------------------------------------- helpers

  private static boolean readByTheAgentOrBoot(String variable) {
    // The OpenTelemetry Java agent reads OTEL_*; MANAGEMENT_TRACING_EXPORT_ENABLED is Boot's own
    // property (relaxed binding), switching Micrometer's tracing off where the agent traces.
    return variable.startsWith("OTEL_") || variable.equals("MANAGEMENT_TRACING_EXPORT_ENABLED");
  }

  private static JsonNode configMap(String name) {
    return ofKind(local, "ConfigMap")
        .filter(c -> name(c).equals(name))
        .findFirst()
        .orElseThrow()
        .path("data");
  }

  private static java.util.Map<String, String> flinkEnv(JsonNode flink) {
    java.util.Map<String, String> env = new java.util.HashMap<>();
    flink
        .at("/spec/podTemplate/spec/containers/0/env")
        .forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
    return env;
  }

  private static ObjectNode container(List<JsonNode> docs, String deployment) {
    return (ObjectNode)
        ofKind(docs, "Deployment")
            .filter(d -> name(d).equals(deployment))
            .findFirst()
            .orElseThrow()
            .at("/spec/template/spec/containers/0");
  }

  private static List<JsonNode> copy(List<JsonNode> docs) {
    return docs.stream()
        .map(d -> (JsonNode) d.deepCopy())
        .collect(Collectors.toCollection(ArrayList::new));
  }

  private static TreeSet<String> kinds(List<JsonNode> docs) {
    return docs.stream()
        .map(d -> d.path("kind").asText())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String read(String path) throws IOException {
    return Files.readString(ROOT.resolve(path));
  }
}
