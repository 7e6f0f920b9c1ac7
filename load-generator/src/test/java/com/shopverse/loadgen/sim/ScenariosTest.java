package com.shopverse.loadgen.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenariosTest {

  private static final List<String> CONTRACT =
      List.of(
          "{\"scenario\":\"flash-sale\",\"at\":\"11m\",\"for\":\"90s\",\"factor\":5,\"category\":\"c-shoes\"}",
          "{\"scenario\":\"bot-views\",\"at\":\"14m\",\"for\":\"60s\",\"rate\":40,\"product\":\"P00042\"}",
          "",
          "# comments and blank lines are skipped",
          "{\"scenario\":\"password-bot\",\"at\":\"16m\",\"for\":\"60s\",\"rate\":5}",
          "{\"scenario\":\"error-burst\",\"at\":\"18m\",\"for\":\"45s\",\"rate\":30}",
          "{\"scenario\":\"slow-dependency\",\"at\":\"19m\",\"for\":\"30s\",\"part\":\"clickhouse\"}");

  @Test
  void readsTheContractsExampleSchedule() {
    List<Scenario> s = Scenarios.parse(CONTRACT, "file.jsonl");
    assertThat(s).extracting(Scenario::kind).containsExactlyElementsOf(Scenario.KINDS);
    assertThat(s.get(0).at()).isEqualTo(Duration.ofMinutes(11));
    assertThat(s.get(0).length()).isEqualTo(Duration.ofSeconds(90));
    assertThat(s.get(0).factor()).isEqualTo(5);
    assertThat(s.get(0).category()).isEqualTo("c-shoes");
    assertThat(s.get(1).rate()).isEqualTo(40);
    assertThat(s.get(1).product()).isEqualTo("P00042");
    assertThat(s.get(4).part()).isEqualTo("clickhouse");
  }

  @Test
  void theDefaultScheduleForAFiveMinuteDayIsTheContractsExample() {
    assertThat(Scenarios.defaults(Duration.ofMinutes(5)))
        .isEqualTo(Scenarios.parse(CONTRACT, "file.jsonl"));
  }

  @Test
  void theDefaultScheduleStartsAfterTwoDaysAndNothingOverlaps() {
    Duration day = Duration.ofSeconds(40);
    List<Scenario> s = Scenarios.defaults(day);
    assertThat(s.get(0).at()).isGreaterThanOrEqualTo(day.multipliedBy(2));
    for (int i = 1; i < s.size(); i++) {
      assertThat(s.get(i).startNanos()).isGreaterThanOrEqualTo(s.get(i - 1).endNanos());
    }
  }

  @Test
  void aBadLineIsRefusedWithItsNumberAndWhatIsWrong() {
    assertRefused(
        "{\"scenario\":\"earthquake\",\"at\":\"1m\",\"for\":\"1s\"}",
        "line 2: unknown scenario 'earthquake'");
    assertRefused(
        "{\"scenario\":\"bot-views\",\"at\":\"1m\",\"for\":\"1s\",\"rate\":4}",
        "line 2: bot-views needs \"product\"");
    assertRefused(
        "{\"scenario\":\"password-bot\",\"at\":\"soon\",\"for\":\"1s\",\"rate\":4}",
        "line 2: \"at\" 'soon' is not a duration");
    assertRefused(
        "{\"scenario\":\"error-burst\",\"at\":\"1m\",\"for\":\"1s\",\"rate\":-3}",
        "\"rate\" must be a number above 0");
    assertRefused(
        "{\"scenario\":\"flash-sale\",\"at\":\"1m\",\"for\":\"1s\",\"factor\":0.5,\"category\":\"c\"}",
        "\"factor\" must be a number above 1");
    assertRefused(
        "{\"scenario\":\"error-burst\",\"at\":\"1m\",\"for\":\"1s\",\"rate\":3,\"product\":\"P1\"}",
        "\"product\" does not apply to error-burst");
    assertRefused(
        "{\"scenario\":\"slow-dependency\",\"at\":\"1m\",\"for\":\"1s\",\"part\":\"postgres\"}",
        "part 'postgres' cannot be paused");
    assertRefused(
        "{\"scenario\":\"error-burst\",\"at\":\"1m\",\"for\":\"1s\",\"rate\":[3]}",
        "line 2: not a flat JSON object");
    assertRefused("{\"scenario\":\"error-burst\",\"at\":\"1m\"", "line 2: not a flat JSON object");
    assertRefused("scenario=error-burst", "line 2: not a flat JSON object");
  }

  private static void assertRefused(String line, String message) {
    assertThatThrownBy(() -> Scenarios.parse(List.of(CONTRACT.get(0), line), "s.jsonl"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("s.jsonl line 2: ")
        .hasMessageContaining(message.replace("line 2: ", ""));
  }
}
