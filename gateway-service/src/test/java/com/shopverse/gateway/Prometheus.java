package com.shopverse.gateway;

import com.shopverse.testsupport.TestHttp;
import java.util.Arrays;

/** Reads one sample from the gateway's /actuator/prometheus page. */
public final class Prometheus {

  private Prometheus() {}

  /** The value of the first {@code name{...}} sample whose labels contain every given label. */
  public static double sample(TestHttp http, String name, String... labels) {
    String page = http.get("/actuator/prometheus").body();
    return Arrays.stream(page.split("\n"))
        .filter(line -> line.startsWith(name + "{"))
        .filter(line -> Arrays.stream(labels).allMatch(line::contains))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElse(0);
  }

  public static boolean has(TestHttp http, String name, String... labels) {
    String page = http.get("/actuator/prometheus").body();
    return Arrays.stream(page.split("\n"))
        .anyMatch(
            line -> line.startsWith(name + "{") && Arrays.stream(labels).allMatch(line::contains));
  }
}
