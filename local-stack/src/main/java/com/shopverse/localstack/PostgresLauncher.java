package com.shopverse.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.util.concurrent.CountDownLatch;

/**
 * Runs PostgreSQL for the local stack until this JVM is told to stop (SIGTERM), keeping its data
 * between runs. Usage: {@code PostgresLauncher <port> <dataDir> <workDir>}.
 */
public final class PostgresLauncher {

  private PostgresLauncher() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    File dataDir = new File(args[1]);
    File workDir = new File(args[2]);
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setPort(port)
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            .setOverrideWorkingDirectory(workDir)
            .setServerConfig("max_connections", "200")
            .setServerConfig("listen_addresses", "127.0.0.1")
            .start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    postgres.close();
                  } catch (Exception e) {
                    System.err.println("PostgreSQL did not stop cleanly: " + e);
                  }
                  stopped.countDown();
                }));
    System.out.println("PostgreSQL ready on 127.0.0.1:" + port + ", data in " + dataDir);
    stopped.await();
  }
}
