package com.shopverse.order;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stops the test's PostgreSQL server and starts it again on the same data folder and port, with its
 * own {@code pg_ctl}: what a database restart looks like to the service.
 */
final class PostgresOutage {

  private final Path dataDir;
  private final Path pgCtl;
  private final List<String> serverArgs;

  private PostgresOutage(Path dataDir, Path pgCtl, List<String> serverArgs) {
    this.dataDir = dataDir;
    this.pgCtl = pgCtl;
    this.serverArgs = serverArgs;
  }

  /** Reads how the running server was started (its {@code postmaster.opts}). */
  static PostgresOutage of(JdbcClient jdbc) {
    Path data = Path.of(jdbc.sql("SHOW data_directory").query(String.class).single());
    try {
      String opts = Files.readString(data.resolve("postmaster.opts")).trim();
      String binary =
          opts.startsWith("\"") ? opts.substring(1, opts.indexOf('"', 1)) : opts.split(" ")[0];
      List<String> args = new ArrayList<>();
      Matcher quoted =
          Pattern.compile("\"([^\"]*)\"")
              .matcher(opts.substring(binary.length() + (opts.startsWith("\"") ? 2 : 0)));
      while (quoted.find()) {
        args.add(quoted.group(1));
      }
      int d = args.indexOf("-D");
      if (d >= 0) {
        args.remove(d + 1);
        args.remove(d);
      }
      return new PostgresOutage(data, Path.of(binary).resolveSibling("pg_ctl"), args);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void stop() {
    pgCtl("-D", dataDir.toString(), "-m", "fast", "-w", "-t", "30", "stop");
  }

  void start() {
    String options =
        serverArgs.stream()
            .map(a -> "'" + a.replace("'", "'\\''") + "'")
            .collect(Collectors.joining(" "));
    pgCtl(
        "-D",
        dataDir.toString(),
        "-w",
        "-t",
        "30",
        "-o",
        options,
        "-l",
        dataDir.resolveSibling(dataDir.getFileName() + "-restart.log").toString(),
        "start");
  }

  private void pgCtl(String... args) {
    List<String> command = new ArrayList<>();
    // As zonky does: pg_ctl refuses to run as root, so run it in a user namespace.
    if (Files.isExecutable(Path.of("/usr/bin/unshare"))) {
      command.addAll(List.of("/usr/bin/unshare", "-U"));
    }
    command.add(pgCtl.toString());
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (process.waitFor() != 0) {
        throw new IllegalStateException("pg_ctl " + String.join(" ", args) + " failed: " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
