package com.shopverse.loadgen.sim;

import com.shopverse.loadgen.sim.Catalog.Product;
import com.shopverse.loadgen.sim.SimHttp.Answer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./shopverse simulate}: reads the catalog through the gateway, plans the run from the seed,
 * plays it, prints the report and writes {@code --report} and {@code --truth}. Exit code 0 after a
 * run, 2 for a bad command line or scenario file, 3 when the gateway or the catalog cannot be read
 * or a file cannot be written.
 */
public final class Simulate {

  private Simulate() {}

  public static void main(String[] args) throws InterruptedException {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
    SimOptions options;
    List<Scenario> scenarios;
    try {
      options = SimOptions.parse(args);
      if (options.help()) {
        out.print(SimOptions.USAGE);
        return 0;
      }
      scenarios = Scenarios.load(options.scenarios(), options.day());
    } catch (IllegalArgumentException e) {
      err.println("simulate: " + e.getMessage());
      return 2;
    }
    try {
      if (!InetAddress.getByName(options.gateway().getHost()).isLoopbackAddress()) {
        err.println(
            "simulate: warning: "
                + options.gateway().getHost()
                + " is not a loopback address; "
                + "the simulator is meant for the local stack");
      }
    } catch (IOException e) {
      err.println("simulate: cannot resolve " + options.gateway().getHost() + ": " + e);
      return 3;
    }
    Catalog catalog;
    try {
      catalog = new Catalog(readCatalog(options), options.seed());
    } catch (IllegalStateException | UncheckedIOException e) {
      err.println(
          "simulate: cannot read the catalog through " + options.base() + ": " + e.getMessage());
      return 3;
    }
    for (Scenario s : scenarios) {
      if (s.kind().equals(Scenario.FLASH_SALE) && !catalog.hasCategory(s.category())) {
        err.println(
            "simulate: flash-sale category '"
                + s.category()
                + "' is not in the catalog ("
                + catalog.categories()
                + ")");
        return 2;
      }
    }
    String loadBefore = SimReport.loadAverage();
    err.printf(
        "simulate: %d products in %d categories; %s sessions/s for %s, a day every %s, seed %d, %d scenarios%n",
        catalog.products().size(),
        catalog.categories().size(),
        Scenarios.number(options.rate()),
        SimDurations.format(options.duration()),
        SimDurations.format(options.day()),
        options.seed(),
        scenarios.size());
    Simulator.Outcome outcome;
    try (Truth truth = new Truth(options.truth())) {
      outcome = new Simulator(options, catalog, scenarios, truth, err).run();
    } catch (IOException | UncheckedIOException e) {
      err.println("simulate: " + e.getMessage());
      return 3;
    }
    String report = SimReport.markdown(options, scenarios, outcome, loadBefore);
    out.print(report);
    if (options.report() != null) {
      try {
        SimReport.write(options.report(), report);
      } catch (IOException e) {
        err.println("simulate: cannot write " + options.report() + ": " + e);
        return 3;
      }
    }
    return 0;
  }

  /** Every active product, through the gateway's public catalog pages (not timed). */
  static List<Product> readCatalog(SimOptions options) {
    SimHttp http = new SimHttp(options.base(), options.timeout(), 4, false);
    List<Product> products = new ArrayList<>();
    String after = null;
    do {
      String path =
          "/api/catalog/products?limit=100"
              + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
      Answer page = http.call("GET", path, null, null, null);
      if (!page.ok()) {
        throw new IllegalStateException("GET " + path + " answered " + page.outcome());
      }
      products.addAll(Catalog.parsePage(page.body()));
      after = Catalog.next(page.body());
    } while (after != null);
    return products;
  }
}
