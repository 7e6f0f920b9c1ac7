package com.shopverse.loadgen.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StockCheckTest {

  @Test
  void findsNothingWhenEveryUnitSoldLeftTheStock() {
    StockCheck check =
        new StockCheck(
            Map.of("P1", 10, "P2", 5),
            Map.of("P1", 7, "P2", 0),
            Map.of("P1", 3L, "P2", 5L),
            Map.of("P1", 3L, "P2", 5L));

    assertThat(check.oversold()).isZero();
    assertThat(check.held()).isZero();
    assertThat(check.sold()).isEqualTo(8);
    assertThat(check.discrepancies()).isEmpty();
  }

  @Test
  void countsUnitsSoldBeyondWhatLeftTheStockAsOversold() {
    StockCheck check =
        new StockCheck(
            Map.of("P1", 1, "P2", 4), Map.of("P1", 0, "P2", 4), Map.of("P1", 3L), Map.of("P1", 3L));

    assertThat(check.oversold()).isEqualTo(2);
    assertThat(check.discrepancies())
        .singleElement()
        .satisfies(line -> assertThat(line.productId()).isEqualTo("P1"));
  }

  @Test
  void countsStockBelowZeroAsOversold() {
    StockCheck check =
        new StockCheck(Map.of("P1", 1), Map.of("P1", -1), Map.of("P1", 2L), Map.of("P1", 2L));

    assertThat(check.oversold()).isEqualTo(1);
  }

  @Test
  void countsAnOrderWhoseAnswerWasLostAsSold() {
    // One checkout timed out on the client but was placed: the server lists it, the 201s miss it.
    StockCheck check =
        new StockCheck(Map.of("P1", 5), Map.of("P1", 2), Map.of("P1", 2L), Map.of("P1", 3L));

    assertThat(check.oversold()).isZero();
    assertThat(check.sold()).isEqualTo(3);
  }

  @Test
  void countsA201TheServerDoesNotListAsSold() {
    StockCheck check =
        new StockCheck(Map.of("P1", 5), Map.of("P1", 4), Map.of("P1", 2L), Map.of("P1", 1L));

    assertThat(check.oversold()).isEqualTo(1);
  }

  @Test
  void reportsStockTakenWithoutASaleAsHeldNotOversold() {
    StockCheck check =
        new StockCheck(Map.of("P1", 5), Map.of("P1", 1), Map.of("P1", 3L), Map.of("P1", 3L));

    assertThat(check.oversold()).isZero();
    assertThat(check.held()).isEqualTo(1);
    assertThat(check.discrepancies()).hasSize(1);
  }
}
