# The Flink image with one job jar in usrlib, for application mode (standalone-job, or the Flink
# Kubernetes Operator's jarURI local:///opt/flink/usrlib/<job>.jar). JOB picks the module:
# analytics-flink-job (the default) or ops-flink-job. One job per image: both jars shade the Kafka
# connector, and Flink puts everything in usrlib on one class path.
FROM flink:2.2.1-java17
ARG JOB=analytics-flink-job
COPY ${JOB}/target/${JOB}-0.1.0-SNAPSHOT.jar /opt/flink/usrlib/${JOB}.jar
# Flink's Prometheus reporter (shipped in plugins/metrics-prometheus of the distribution) on 9249 in
# every container of this image, job manager and task managers alike, so the metrics do not depend
# on each compose service repeating them in FLINK_PROPERTIES (which the entrypoint appends after
# these lines, so it can still override them). Flat keys: Flink 2's config.yaml reads both forms.
RUN printf '\n%s\n%s\n' \
      'metrics.reporter.prom.factory.class: org.apache.flink.metrics.prometheus.PrometheusReporterFactory' \
      'metrics.reporter.prom.port: 9249' >> /opt/flink/conf/config.yaml
EXPOSE 9249
