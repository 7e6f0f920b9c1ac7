package com.shopverse.loadgen;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** Where and when a run happened, for the report: figures mean little without the machine. */
record Environment(
    Instant date,
    int processors,
    long totalMemoryBytes,
    Optional<String> cpu,
    String os,
    String java) {

  static Environment current() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    long memory =
        os instanceof com.sun.management.OperatingSystemMXBean sun
            ? sun.getTotalMemorySize()
            : Runtime.getRuntime().maxMemory();
    return new Environment(
        Instant.now(),
        Runtime.getRuntime().availableProcessors(),
        memory,
        cpuModel(),
        os.getName() + " " + os.getVersion() + " (" + os.getArch() + ")",
        System.getProperty("java.runtime.version")
            + " ("
            + System.getProperty("java.vm.name")
            + ", "
            + System.getProperty("java.vm.vendor")
            + ")");
  }

  private static Optional<String> cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
