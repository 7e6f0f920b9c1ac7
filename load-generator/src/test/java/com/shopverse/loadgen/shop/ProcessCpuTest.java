package com.shopverse.loadgen.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {

  @Test
  void readsParentAndTicksPastACommandNameWithSpacesAndParentheses() {
    String line =
        "4242 (java (main) x) S 17 4242 4242 0 -1 4194560 100 0 0 0 250 50 7 3 20 0 30 0 1 2 3";
    assertThat(ProcessCpu.stat(line)).containsExactly(17, 300, 10);
  }

  @Test
  void countsTheGeneratorsOwnCpuAndSeesItGrow() {
    ProcessCpu cpu = ProcessCpu.parse("");
    double before = cpu.sample().get("load-generator");
    long spin = System.nanoTime() + 300_000_000L;
    long x = 0;
    while (System.nanoTime() < spin) {
      x += x * 31 + 7;
    }
    double after = cpu.sample().get("load-generator");
    assertThat(before).isPositive();
    assertThat(after - before).as("ms of CPU after 300 ms of spinning (%d)", x).isGreaterThan(100);
  }

  @Test
  void reportsAPartThatIsGoneAsNotAvailable() {
    Map<String, Double> before = cpu("catalog-service", 1000.0, "order-service", -1.0);
    Map<String, Double> after = cpu("catalog-service", 3000.0, "order-service", -1.0);
    Map<String, Double> compilersBefore = cpu("catalog-service", 100.0, "order-service", -1.0);
    Map<String, Double> compilersAfter = cpu("catalog-service", 600.0, "order-service", -1.0);
    String table = ProcessCpu.table(before, after, compilersBefore, compilersAfter, 1000, 10);
    assertThat(table).contains("| catalog-service | 2.0 | 2.00 | 0.20 | 0.50 |");
    assertThat(table).contains("| order-service | n/a | n/a | n/a | n/a |");
    assertThat(table).contains("| **all of the above** | 2.0 | 2.00 | 0.20 | 0.50 |");
  }

  @Test
  void findsTheJitCompilerThreadsOfThisJvm() {
    ProcessCpu cpu = ProcessCpu.parse("");
    // This JVM compiles as the tests run; its compiler threads have used some CPU by now.
    for (int i = 0; i < 200_000; i++) {
      String.valueOf(i).hashCode();
    }
    assertThat(cpu.compilers().get("load-generator")).isPositive();
  }

  @Test
  void readsTheThreadNameOfAStatLine() {
    assertThat(ProcessCpu.comm("77 (C2 CompilerThre) S 1 2 3")).isEqualTo("C2 CompilerThre");
  }

  @Test
  void refusesAPairWithoutAPid() {
    assertThatThrownBy(() -> ProcessCpu.parse("order-service=abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name=pid");
  }

  private static Map<String, Double> cpu(String a, double x, String b, double y) {
    Map<String, Double> map = new LinkedHashMap<>();
    map.put(a, x);
    map.put(b, y);
    return map;
  }
}
