package com.shopverse.flink;

import com.shopverse.clickhouse.ClickHouseHttp;
import com.shopverse.clickhouse.ClickHouseSchema;
import com.shopverse.testsupport.LocalClickHouse;
import com.shopverse.testsupport.LocalProcess;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Flink MiniCluster with two slots (the default of one would leave a parallelism-2 job waiting)
 * and Flink's Prometheus reporter, configured as {@link JobEnvironment} configures it, on a free
 * port; and a real ClickHouse with the ShopVerse schema, for both jobs' pipeline tests. A subclass
 * must not name its own {@code @BeforeAll}/{@code @AfterAll} methods as these are named: a static
 * method of the same name would hide these, and JUnit would not run them.
 */
public abstract class PipelineTestBase {

  protected static final int METRICS_PORT = LocalProcess.freePort();

  @RegisterExtension
  protected static final MiniClusterExtension flink =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .setConfiguration(withPrometheusReporter())
              .build());

  protected static LocalClickHouse server;
  protected static ClickHouseHttp clickHouse;

  @BeforeAll
  static void startClickHouse() {
    server = LocalClickHouse.start();
    ClickHouseSchema.apply(server.httpUrl(), "shopverse", Duration.ofSeconds(5));
    clickHouse = ClickHouseHttp.of(server.httpUrl(), "shopverse", Duration.ofSeconds(5));
  }

  @AfterAll
  static void stopClickHouse() {
    server.close();
  }

  /** One scrape of the MiniCluster's Prometheus reporter. */
  protected static PrometheusScrape scrape() {
    return PrometheusScrape.of("http://127.0.0.1:" + METRICS_PORT + "/metrics");
  }

  private static Configuration withPrometheusReporter() {
    Configuration conf = new Configuration();
    JobEnvironment.prometheusReporter(conf, METRICS_PORT);
    return conf;
  }
}
