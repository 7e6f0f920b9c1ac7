package com.shopverse.outbox;

import com.shopverse.testsupport.LocalProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node KRaft broker in its own JVM, configured like the local stack's, on fixed ports
 * and a fixed log folder: so a test can stop it and start it again where it was (the in-process
 * test broker picks new random ports on every start).
 */
final class KafkaProcess extends LocalProcess {

  private KafkaProcess(List<String> command, Path dir) {
    super("kafka", command, dir);
  }

  /** Formats {@code dir} (first time only) and starts the broker on {@code port}. */
  static KafkaProcess start(Path dir, int port, int controllerPort) {
    Path config = dir.resolve("server.properties");
    try {
      if (!Files.exists(config)) {
        Files.writeString(
            config,
            """
            process.roles=broker,controller
            node.id=1
            controller.quorum.voters=1@127.0.0.1:%2$d
            listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
            advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
            controller.listener.names=CONTROLLER
            inter.broker.listener.name=PLAINTEXT
            listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
            log.dirs=%3$s
            num.partitions=3
            offsets.topic.replication.factor=1
            transaction.state.log.replication.factor=1
            transaction.state.log.min.isr=1
            share.coordinator.state.topic.replication.factor=1
            share.coordinator.state.topic.min.isr=1
            group.initial.rebalance.delay.ms=0
            auto.create.topics.enable=true
            """
                .formatted(port, controllerPort, dir.resolve("data")));
        run(
            dir,
            "kafka.tools.StorageTool",
            "format",
            "-t",
            UUID.randomUUID().toString().replace("-", "").substring(0, 22),
            "-c",
            config.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    KafkaProcess kafka = new KafkaProcess(java(dir, "kafka.Kafka", config.toString()), dir);
    kafka.awaitPort(port, Duration.ofSeconds(60));
    return kafka;
  }

  private static List<String> java(Path dir, String main, String... args) {
    var command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                main));
    command.addAll(List.of(args));
    return command;
  }

  private static void run(Path dir, String main, String... args) {
    try {
      Process process =
          new ProcessBuilder(java(dir, main, args))
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("format.log").toFile())
              .start();
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "Formatting Kafka storage failed: " + Files.readString(dir.resolve("format.log")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
