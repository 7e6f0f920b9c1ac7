package com.shopverse.flink;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link PipelineTestBase} and a real KRaft broker in this JVM, for the tests of a job as its entry
 * point wires it: Kafka in, ClickHouse (and Kafka) out. The broker starts after ClickHouse and
 * stops before it.
 */
public abstract class KafkaPipelineTestBase extends PipelineTestBase {

  protected static TestKafka kafka;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = TestKafka.start();
  }

  @AfterAll
  static void stopKafka() throws Exception {
    kafka.close();
  }
}
