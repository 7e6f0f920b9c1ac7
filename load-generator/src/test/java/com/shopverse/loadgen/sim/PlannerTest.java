package com.shopverse.loadgen.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.loadgen.sim.Planner.Session;
import com.shopverse.loadgen.sim.Step.Kind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerTest {

  private static final Duration DAY = Duration.ofMinutes(5);

  private static Planner planner(long seed, List<Scenario> scenarios, Duration duration) {
    Catalog catalog = TestCatalog.catalog(seed);
    Population population = new Population(1000, 0.3, catalog, seed);
    return new Planner(catalog, population, new DailyCurve(DAY), scenarios, 20, duration, seed);
  }

  /** Everything a session will do, as text: two equal plans print the same. */
  private static String describe(List<Session> sessions) {
    StringBuilder b = new StringBuilder();
    for (Session s : sessions) {
      b.append(s.offsetNanos()).append(' ').append(s.shopper()).append(' ').append(s.category());
      for (Step step : s.steps()) {
        b.append(' ').append(step.kind()).append('/').append(step.thinkNanos());
        if (step.product() != null) {
          b.append('/').append(step.product().id());
        }
        b.append('/').append(step.query()).append('/').append(step.filter());
      }
      b.append('\n');
    }
    return b.toString();
  }

  @Test
  void theSameSeedPlansTheSameShoppersSessionsAndSchedule() {
    List<Scenario> scenarios = Scenarios.defaults(DAY);
    String first = describe(planner(42, scenarios, Duration.ofMinutes(3)).sessions());
    String second = describe(planner(42, scenarios, Duration.ofMinutes(3)).sessions());
    String other = describe(planner(43, scenarios, Duration.ofMinutes(3)).sessions());
    assertThat(first).isEqualTo(second).isNotEqualTo(other);
    assertThat(first.lines().count()).isGreaterThan(1000);
  }

  @Test
  void arrivalsFollowTheDailyCurveAroundTheMeanRate() {
    Planner planner = planner(7, List.of(), DAY);
    List<Long> arrivals = planner.arrivals();
    // 20/s over one 300 s day: about 6000, Poisson noise about ±80.
    assertThat(arrivals).hasSizeBetween(5700, 6300);
    long hour = DAY.toNanos() / 24;
    long night = arrivals.stream().filter(t -> t >= 2 * hour && t < 5 * hour).count();
    long evening = arrivals.stream().filter(t -> t >= 19 * hour && t < 22 * hour).count();
    assertThat(evening).isGreaterThan(5 * night);
    assertThat(arrivals).isSorted();
  }

  @Test
  void aFlashSaleMultipliesArrivalsAndSendsTheExtraShoppersToItsCategory() {
    Scenario sale =
        new Scenario(
            Scenario.FLASH_SALE,
            Duration.ofSeconds(60),
            Duration.ofSeconds(30),
            5,
            "c-toys",
            0,
            null,
            null);
    List<Session> with = planner(3, List.of(sale), Duration.ofSeconds(120)).sessions();
    List<Session> without = planner(3, List.of(), Duration.ofSeconds(120)).sessions();
    long inWith = with.stream().filter(s -> sale.covers(s.offsetNanos())).count();
    long inWithout = without.stream().filter(s -> sale.covers(s.offsetNanos())).count();
    assertThat((double) inWith / inWithout).isBetween(4.0, 6.0);
    long toys =
        with.stream()
            .filter(s -> sale.covers(s.offsetNanos()) && s.category().equals("c-toys"))
            .count();
    assertThat((double) toys / inWith).isGreaterThan(0.75);
    assertThat(
            with.stream()
                .filter(s -> s.flashSale() != null)
                .allMatch(s -> sale.covers(s.offsetNanos())))
        .isTrue();
  }

  @Test
  void registeredShoppersLogInOnTheirFirstSessionAndOnlyTheyUseTheCart() {
    List<Session> sessions = planner(11, List.of(), Duration.ofMinutes(2)).sessions();
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (Session s : sessions) {
      boolean logsIn = s.steps().get(0).kind() == Kind.LOGIN;
      if (s.shopper().registered) {
        // A token lives 15 minutes; within two minutes only the first session logs in.
        assertThat(logsIn).isEqualTo(seen.add(s.shopper().index));
      } else {
        assertThat(logsIn).isFalse();
        assertThat(s.steps())
            .noneMatch(st -> st.kind() == Kind.CART_ADD || st.kind() == Kind.CHECKOUT);
      }
      assertThat(s.steps().get(s.steps().size() - 1).kind()).isEqualTo(Kind.EVENTS);
    }
    assertThat(
            sessions.stream()
                .flatMap(s -> s.steps().stream())
                .filter(st -> st.kind() == Kind.CHECKOUT))
        .isNotEmpty();
  }

  @Test
  void viewsFavourEachCategorysPopularProducts() {
    Catalog catalog = TestCatalog.catalog(5);
    List<Session> sessions = planner(5, List.of(), DAY).sessions();
    java.util.Map<String, Long> views = new java.util.HashMap<>();
    sessions.stream()
        .flatMap(s -> s.steps().stream())
        .filter(st -> st.kind() == Kind.VIEW)
        .forEach(st -> views.merge(st.product().id(), 1L, Long::sum));
    String category = catalog.categories().get(0);
    List<Catalog.Product> ranking = catalog.ranking(category);
    long top = views.getOrDefault(ranking.get(0).id(), 0L);
    long tenth = views.getOrDefault(ranking.get(9).id(), 0L);
    assertThat(top).isGreaterThan(4 * tenth);
  }
}
