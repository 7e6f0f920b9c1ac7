# One image per Spring service, from the jar "./mvnw package" built:
#   docker build -f deploy/docker/service.Dockerfile --build-arg SERVICE=auth-service .

# The OpenTelemetry Java agent, fetched at image build time by its Maven coordinates
# (io.opentelemetry.javaagent:opentelemetry-javaagent; the version of the instrumentation BOM
# the project resolves).
FROM maven:3.9-eclipse-temurin-17 AS otel-agent
ARG OTEL_AGENT_VERSION=2.31.1
RUN mvn -B -q dependency:get -Dtransitive=false \
      -Dartifact=io.opentelemetry.javaagent:opentelemetry-javaagent:${OTEL_AGENT_VERSION} \
    && cp /root/.m2/repository/io/opentelemetry/javaagent/opentelemetry-javaagent/${OTEL_AGENT_VERSION}/opentelemetry-javaagent-${OTEL_AGENT_VERSION}.jar \
          /opentelemetry-javaagent.jar

FROM eclipse-temurin:17-jre
ARG SERVICE
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 shopverse
COPY --from=otel-agent /opentelemetry-javaagent.jar /app/opentelemetry-javaagent.jar
COPY ${SERVICE}/target/${SERVICE}-0.1.0-SNAPSHOT.jar /app/app.jar
USER shopverse
# In containers the agent is the tracer: it exports spans over OTLP to OTEL_EXPORTER_OTLP_ENDPOINT
# (compose and the Kubernetes ConfigMap point it at the collector) under OTEL_SERVICE_NAME. The
# service's own Micrometer tracing must then be off (MANAGEMENT_TRACING_EXPORT_ENABLED=false, and
# OTLP_EXPORT_ENABLED=false), or each request makes two sets of spans and the two tracers write
# competing traceparent headers. Metrics and logs do not go through the agent (Prometheus scrapes,
# stdout). The agent puts the trace and span ids in the logging MDC; under these names the JSON
# log lines carry traceId and spanId, the names Micrometer tracing gives them outside containers.
# OTEL_JAVAAGENT_ENABLED=false switches the agent off without rebuilding.
ENV JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -XX:MaxRAMPercentage=75 -javaagent:/app/opentelemetry-javaagent.jar" \
    OTEL_TRACES_EXPORTER=otlp \
    OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf \
    OTEL_METRICS_EXPORTER=none \
    OTEL_LOGS_EXPORTER=none \
    OTEL_INSTRUMENTATION_COMMON_LOGGING_TRACE_ID=traceId \
    OTEL_INSTRUMENTATION_COMMON_LOGGING_SPAN_ID=spanId \
    OTEL_INSTRUMENTATION_COMMON_LOGGING_TRACE_FLAGS=traceFlags
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
