package com.shopverse.loadgen.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CheckoutLoadTest {

  static final String ORDER =
      "{\"id\":\"0b7c\",\"status\":\"PAID\",\"lines\":[{\"productId\":\"P00042\",\"name\":\"Pro"
          + " Speaker\",\"quantity\":1,\"unitPriceMinor\":4999,\"currency\":\"EUR\","
          + "\"lineTotalMinor\":4999},{\"productId\":\"P00007\",\"name\":\"Tote\",\"quantity\":2,"
          + "\"unitPriceMinor\":100,\"currency\":\"EUR\",\"lineTotalMinor\":200}],"
          + "\"totalMinor\":5199,\"currency\":\"EUR\",\"createdAt\":\"2026-11-25T12:00:00Z\"}";

  @Test
  void theDeckHoldsEachProductAsOftenAsItHasUnits() {
    List<String> deck = CheckoutLoad.deck(Map.of("P1", 3, "P2", 1, "P3", 0), new Random(1));

    assertThat(deck).hasSize(4);
    assertThat(Collections.frequency(deck, "P1")).isEqualTo(3);
    assertThat(Collections.frequency(deck, "P2")).isEqualTo(1);
    assertThat(deck).doesNotContain("P3");
  }

  @Test
  void theSameStockGivesTheSameDeck() {
    Map<String, Integer> stock = Map.of("P1", 30, "P2", 20, "P3", 10);

    assertThat(CheckoutLoad.deck(stock, new Random(1)))
        .isEqualTo(CheckoutLoad.deck(stock, new Random(1)));
  }

  @Test
  void readsTheUnitsOfAnOrder() {
    assertThat(CheckoutLoad.units(ORDER)).isEqualTo(Map.of("P00007", 2L, "P00042", 1L));
  }

  @Test
  void talliesTheShoppersListedOrdersByState() {
    String page =
        "{\"items\":["
            + ORDER
            + ","
            + ORDER.replace("0b7c", "1c8d")
            + ","
            + ORDER.replace("0b7c", "2d9e").replace("PAID", "CANCELLED")
            + "],\"next\":null}";

    CheckoutLoad.Listed listed =
        CheckoutLoad.Listed.of(List.of(page, "{\"items\":[],\"next\":null}"));

    assertThat(listed.paid()).isEqualTo(2);
    assertThat(listed.paidUnits()).containsEntry("P00042", 2L).containsEntry("P00007", 4L);
    assertThat(listed.otherStates()).isEqualTo(Map.of("CANCELLED", 1L));
  }

  @Test
  void namesAProblemByItsType() {
    var outOfStock =
        new BlockingHttp.Answer(
            409,
            "{\"type\":\"https://shopverse.dev/problems/out-of-stock\",\"title\":\"Out of stock\","
                + "\"status\":409,\"productId\":\"P00042\"}",
            null);

    assertThat(outOfStock.outcome()).isEqualTo("409 out-of-stock");
    assertThat(new BlockingHttp.Answer(502, "", null).outcome()).isEqualTo("502");
    assertThat(new BlockingHttp.Answer(-1, "", "timeout").outcome()).isEqualTo("timeout");
  }
}
