package com.shopverse.loadgen.shop;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CPU time of the stack's processes from {@code /proc/<pid>/stat}, so a run can say what one order
 * costs each part (CPU ms per paid order), a figure that stays meaningful on a shared machine where
 * orders per second do not.
 *
 * <p>A process counts with its children, live ({@code utime + stime} of each process whose parent
 * it is) and exited ({@code cutime + cstime}): PostgreSQL does its work in one backend process per
 * connection.
 *
 * <p>A JVM's JIT compiler threads ({@code C1/C2 CompilerThread*}) are also counted on their own: on
 * two cores a service still compiling (or recompiling code its code cache flushed) spends more CPU
 * in the compilers than on the orders, and that cost ends with warm-up, the orders' does not.
 */
final class ProcessCpu {

  /** Thread names ({@code comm}, cut to 15 characters) of HotSpot's JIT compiler threads. */
  private static final Pattern COMPILER = Pattern.compile("C[12] CompilerThre.*");

  /** Linux reports CPU time in clock ticks of {@code USER_HZ}, which is 100 on every platform. */
  private static final double MILLIS_PER_TICK = 10;

  private final Map<String, Long> pids;

  /**
   * @param pids part name to process id, in the order the report lists them
   */
  ProcessCpu(Map<String, Long> pids) {
    this.pids = pids;
  }

  /** Parses {@code name=pid,name=pid}; the generator itself is always added as load-generator. */
  static ProcessCpu parse(String text) {
    Map<String, Long> pids = new LinkedHashMap<>();
    if (text != null && !text.isBlank()) {
      for (String pair : text.split(",")) {
        String[] parts = pair.split("=", 2);
        if (parts.length != 2 || !parts[1].trim().matches("\\d{1,9}")) {
          throw new IllegalArgumentException("--cpu '" + pair + "' is not name=pid");
        }
        pids.put(parts[0].trim(), Long.parseLong(parts[1].trim()));
      }
    }
    pids.put("load-generator", ProcessHandle.current().pid());
    return new ProcessCpu(pids);
  }

  /** CPU milliseconds used so far by each part (with its children); -1 if unreadable. */
  Map<String, Double> sample() {
    Map<String, Double> used = new LinkedHashMap<>();
    Map<Long, long[]> all = processes();
    pids.forEach(
        (name, pid) -> {
          long[] own = all.get(pid);
          if (own == null) {
            used.put(name, -1.0);
            return;
          }
          long ticks = own[1] + own[2];
          for (long[] process : all.values()) {
            if (process[0] == pid) {
              ticks += process[1];
            }
          }
          used.put(name, ticks * MILLIS_PER_TICK);
        });
    return used;
  }

  /**
   * CPU milliseconds used so far by each part's JIT compiler threads (live ones; a compiler thread
   * that exited takes its time along); 0 for a process that is not a JVM, -1 if unreadable.
   */
  Map<String, Double> compilers() {
    Map<String, Double> used = new LinkedHashMap<>();
    pids.forEach(
        (name, pid) -> {
          long ticks = 0;
          try (DirectoryStream<Path> tasks =
              Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks) {
              try {
                String line = Files.readString(task.resolve("stat"));
                if (COMPILER.matcher(comm(line)).matches()) {
                  ticks += stat(line)[1];
                }
              } catch (IOException | RuntimeException gone) {
                // exited meanwhile
              }
            }
            used.put(name, ticks * MILLIS_PER_TICK);
          } catch (IOException | RuntimeException e) {
            used.put(name, -1.0);
          }
        });
    return used;
  }

  /** The command name of a {@code stat} line (between the first '(' and the last ')'). */
  static String comm(String line) {
    return line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
  }

  /** Every process: pid to {ppid, own ticks, reaped children's ticks}. */
  private static Map<Long, long[]> processes() {
    Map<Long, long[]> all = new LinkedHashMap<>();
    try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path dir : proc) {
        try {
          long[] stat = stat(Files.readString(dir.resolve("stat")));
          all.put(Long.parseLong(dir.getFileName().toString()), stat);
        } catch (IOException | RuntimeException gone) {
          // exited meanwhile
        }
      }
    } catch (IOException e) {
      // no /proc: every part reads as unreadable
    }
    return all;
  }

  /** {ppid, utime + stime, cutime + cstime} of one {@code stat} line. */
  static long[] stat(String line) {
    // The command name may hold spaces and parentheses: the fields start after the last ')'.
    String[] f = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
    // f[0] is field 3 (state): ppid is field 4, utime..cstime fields 14..17.
    return new long[] {
      Long.parseLong(f[1]),
      Long.parseLong(f[11]) + Long.parseLong(f[12]),
      Long.parseLong(f[13]) + Long.parseLong(f[14])
    };
  }

  /**
   * The Markdown table: CPU per part between two samples, per paid order and as cores used, and how
   * much of it the JIT compilers took (per paid order).
   */
  static String table(
      Map<String, Double> before,
      Map<String, Double> after,
      Map<String, Double> compilersBefore,
      Map<String, Double> compilersAfter,
      long paid,
      double seconds) {
    StringBuilder md = new StringBuilder();
    md.append(
        "\n| CPU while ordering (from /proc) | CPU s | ms per PAID order | cores (of the run's"
            + " wall time) | of which JIT compilers, ms per PAID order |\n|---|---:|---:|---:|---:|\n");
    double total = 0;
    double compiling = 0;
    for (Map.Entry<String, Double> part : before.entrySet()) {
      Double end = after.get(part.getKey());
      if (part.getValue() < 0 || end == null || end < 0) {
        md.append("| ").append(part.getKey()).append(" | n/a | n/a | n/a | n/a |\n");
        continue;
      }
      double ms = end - part.getValue();
      double jit = delta(compilersBefore.get(part.getKey()), compilersAfter.get(part.getKey()));
      total += ms;
      compiling += Math.max(jit, 0);
      md.append(row(part.getKey(), ms, jit, paid, seconds));
    }
    md.append(row("**all of the above**", total, compiling, paid, seconds));
    return md.toString();
  }

  private static double delta(Double before, Double after) {
    return before == null || after == null || before < 0 || after < 0 ? -1 : after - before;
  }

  private static String row(String name, double ms, double jit, long paid, double seconds) {
    return String.format(
        Locale.ROOT,
        "| %s | %.1f | %s | %.2f | %s |%n",
        name,
        ms / 1000,
        perOrder(ms, paid),
        ms / 1000 / seconds,
        jit < 0 ? "n/a" : perOrder(jit, paid));
  }

  private static String perOrder(double ms, long paid) {
    return paid == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", ms / paid);
  }
}
