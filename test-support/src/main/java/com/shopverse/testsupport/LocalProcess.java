package com.shopverse.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A server binary run as a child process, logging to a file, stopped on close or JVM exit. */
public class LocalProcess implements AutoCloseable {

  private final String name;
  private final Process process;
  private final Path log;

  protected LocalProcess(String name, List<String> command, Path workDir) {
    this.name = name;
    this.log = workDir.resolve(name + ".out.log");
    requireBinary(command.get(0), name);
    try {
      this.process =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + name + " (" + command + ")", e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(this::close));
  }

  /** Waits until {@code port} on loopback accepts connections, or fails naming the log. */
  protected void awaitPort(int port, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + ": " + tail());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        sleep(50);
      }
    }
    close();
    throw new IllegalStateException(
        name + " did not open port " + port + " within " + timeout + ": " + tail());
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Freezes the server ({@code SIGSTOP}): it keeps its port and accepts connections but answers
   * nothing, as a server stuck in a long GC or on a dead disk would. {@link #resume()} thaws it.
   */
  public void pause() {
    signal("STOP");
  }

  public void resume() {
    signal("CONT");
  }

  private void signal(String name) {
    try {
      int exit =
          new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
              .inheritIO()
              .start()
              .waitFor();
      if (exit != 0) {
        throw new IllegalStateException("kill -" + name + " exited with " + exit);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Kills the server at once, as a crash would ({@code kill -9}). */
  public void kill() {
    process.destroyForcibly();
    waitForExit();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      waitForExit();
    }
  }

  private void waitForExit() {
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return "see "
          + log
          + "\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "see " + log;
    }
  }

  /** A free loopback port, as the kernel hands it out. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A fresh folder under {@code target/} (or the temp dir outside Maven) for one server's files.
   */
  public static Path workDir(String prefix) {
    try {
      Path base = Path.of(System.getProperty("shopverse.test.dir", "target/test-servers"));
      Files.createDirectories(base);
      return Files.createTempDirectory(base.toAbsolutePath(), prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void requireBinary(String binary, String name) {
    if (!Files.isExecutable(Path.of(binary))) {
      throw new IllegalStateException(
          name
              + " needs "
              + binary
              + ": run ./shopverse install (or apt-get install "
              + packageOf(binary)
              + ")");
    }
  }

  private static String packageOf(String binary) {
    return binary.contains("clickhouse") ? "clickhouse-server clickhouse-client" : "redis-server";
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
