package com.shopverse.order.cart;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A cart as the shopper sees it: current catalog prices, totals computed here.
 *
 * @param totalMinor the sum of the available lines; null if they are priced in more than one
 *     currency
 * @param itemCount how many items (sum of quantities) are in the available lines
 */
record CartView(
    List<Line> lines, int itemCount, Long totalMinor, String currency, int maxQuantityPerLine) {

  /**
   * @param available false if the catalog no longer sells the product (it is left out of the total
   *     and checkout refuses the cart until it is removed)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Line(
      String productId,
      String name,
      int quantity,
      Long unitPriceMinor,
      String currency,
      Long lineTotalMinor,
      boolean available,
      Boolean inStock) {}
}
