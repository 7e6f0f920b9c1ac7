package com.shopverse.catalog.product;

import java.util.Arrays;

/** The orders a page can come in; every one ends with {@code id} so keyset pages are total. */
enum Sort {
  ID("id", "id"),
  PRICE("price", "price_minor, id"),
  PRICE_DESC("-price", "price_minor DESC, id"),
  NAME("name", "name, id"),
  NEWEST("newest", "created_at DESC, id"),
  RELEVANCE("relevance", "rank DESC, id");

  final String wireName;
  final String orderBy;

  Sort(String wireName, String orderBy) {
    this.wireName = wireName;
    this.orderBy = orderBy;
  }

  static Sort fromWire(String value) {
    return Arrays.stream(values()).filter(s -> s.wireName.equals(value)).findFirst().orElse(null);
  }

  static String wireNames() {
    return String.join(", ", Arrays.stream(values()).map(s -> s.wireName).toList());
  }
}
