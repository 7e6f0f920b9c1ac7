package com.shopverse.loadgen.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * slow-dependency: SIGSTOP a part the local stack started (its process group, found by the pid file
 * {@code ./shopverse} wrote under the stack's state folder), and SIGCONT it when the scenario ends,
 * when the run ends, and from a shutdown hook, so nothing is left stopped. Refuses a pid whose
 * command line does not name the part (a stale pid file reused by another program).
 */
final class Pauser {

  private final Path stackHome;

  Pauser(Path stackHome) {
    this.stackHome = stackHome;
  }

  /** A paused part: resume it exactly once. */
  final class Paused {
    final String part;
    final long pid;
    private boolean resumed;

    private Paused(String part, long pid) {
      this.part = part;
      this.pid = pid;
    }

    synchronized void resume() {
      if (!resumed) {
        resumed = true;
        signal("-CONT", pid);
      }
    }
  }

  /** The part's pid, checked; or an exception saying why it cannot be paused. */
  long pidOf(String part) throws IOException {
    if (stackHome == null) {
      throw new IOException("no stack folder (--stack-home or SHOPVERSE_HOME)");
    }
    Path file = stackHome.resolve("run").resolve(part + ".pid");
    if (!Files.isRegularFile(file)) {
      throw new IOException("no pid file " + file + " (is the part running?)");
    }
    long pid = Long.parseLong(Files.readString(file).strip());
    Path cmdline = Path.of("/proc", Long.toString(pid), "cmdline");
    if (!Files.exists(cmdline)) {
      throw new IOException(part + " (pid " + pid + ") is not running");
    }
    String command =
        new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' ');
    String expected = part.equals("redis") ? "redis-server" : part;
    if (!command.contains(expected)) {
      throw new IOException("pid " + pid + " is not " + part + " (its command: " + command + ")");
    }
    return pid;
  }

  Paused pause(String part) throws IOException {
    long pid = pidOf(part);
    Paused paused = new Paused(part, pid);
    Runtime.getRuntime().addShutdownHook(new Thread(paused::resume, "resume-" + part));
    signal("-STOP", pid);
    return paused;
  }

  /** The process group first ({@code ./shopverse} starts each part with setsid), else the pid. */
  private static void signal(String signal, long pid) {
    if (run("kill", signal, "--", "-" + pid) != 0) {
      run("kill", signal, Long.toString(pid));
    }
  }

  private static int run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(5, TimeUnit.SECONDS) ? p.exitValue() : -1;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
