package com.shopverse.loadgen.shop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Did the run oversell? Per product, the units sold must equal the units that left the stock (stock
 * before − stock after), and the stock must not be negative.
 *
 * <p>Sold is the larger of the units in the 201 answers and the units in the shoppers' PAID orders
 * as order-service lists them: an order whose answer timed out may still have been placed, and a
 * 201 the server no longer lists was still sold. Either way it must have come out of the stock.
 *
 * @param answered units per product in 201 answers
 * @param paid units per product in the shoppers' PAID orders
 */
record StockCheck(
    Map<String, Integer> before,
    Map<String, Integer> after,
    Map<String, Long> answered,
    Map<String, Long> paid) {

  /** One product whose figures do not add up. */
  record Line(String productId, long before, long after, long sold) {

    long taken() {
      return before - after;
    }

    /** Units sold that never left the stock, plus any stock below zero. */
    long oversold() {
      return Math.max(0, sold - taken()) + Math.max(0, -after);
    }

    /**
     * Units that left the stock without a sale: reservations of checkouts still unfinished (they
     * are released or expire) or a leak; not an oversell, but reported.
     */
    long held() {
      return Math.max(0, taken() - sold);
    }
  }

  List<Line> lines() {
    List<Line> lines = new ArrayList<>();
    for (String product : new TreeSet<>(before.keySet())) {
      long sold = Math.max(answered.getOrDefault(product, 0L), paid.getOrDefault(product, 0L));
      lines.add(new Line(product, before.get(product), after.get(product), sold));
    }
    return lines;
  }

  /** The products whose stock moved by anything but the units sold. */
  List<Line> discrepancies() {
    return lines().stream().filter(l -> l.oversold() > 0 || l.held() > 0).toList();
  }

  long oversold() {
    return lines().stream().mapToLong(Line::oversold).sum();
  }

  long held() {
    return lines().stream().mapToLong(Line::held).sum();
  }

  long sold() {
    return lines().stream().mapToLong(Line::sold).sum();
  }
}
