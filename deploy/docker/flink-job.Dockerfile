# The Flink image with the analytics job in usrlib, for application mode (standalone-job).
FROM flink:2.2.1-java17
COPY analytics-flink-job/target/analytics-flink-job-0.1.0-SNAPSHOT.jar /opt/flink/usrlib/analytics-flink-job.jar
