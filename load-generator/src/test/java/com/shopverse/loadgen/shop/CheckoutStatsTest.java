package com.shopverse.loadgen.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckoutStatsTest {

  static final long MS = 1_000_000;

  @Test
  void measuresAnOrderFromItsIntendedStart() {
    CheckoutStats stats = new CheckoutStats();

    stats.paid(100 * MS, 150 * MS, Map.of("P1", 1L));
    stats.order(200 * MS, 5_200 * MS, CheckoutStats.NOT_SENT);

    assertThat(stats.order().getMaxValue()).isBetween(4_990 * MS, 5_010 * MS);
    assertThat(stats.order().getMinValue()).isBetween(49 * MS, 51 * MS);
    assertThat(stats.ended()).isEqualTo(2);
    assertThat(stats.answeredUnits()).isEqualTo(Map.of("P1", 1L));
  }

  @Test
  void treatsUnansweredCheckoutsAndServerErrorsAsUncertain() {
    CheckoutStats stats = new CheckoutStats();

    stats.order(0, MS, "timeout");
    stats.order(0, MS, "error ConnectException");
    stats.order(0, MS, "504");
    stats.order(0, MS, "503 catalog-unavailable");
    stats.order(0, MS, "409 out-of-stock");
    stats.order(0, MS, "402 payment-declined");
    stats.order(0, MS, "cart add timeout");
    stats.paid(0, MS, Map.of());

    assertThat(stats.uncertain()).isEqualTo(4);
    assertThat(stats.count(CheckoutStats.PAID)).isEqualTo(1);
  }
}
