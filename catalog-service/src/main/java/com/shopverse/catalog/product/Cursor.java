package com.shopverse.catalog.product;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Where the next page starts: the sort key and id of the last row of this one. In id order without
 * a search it is the bare product id ({@code after=P00020}, as the first API had it); otherwise an
 * opaque token that also records the sort and the search mode it belongs to.
 *
 * @param value the last row's sort key (price, name, created-at micros, rank), null for id order
 */
record Cursor(Sort sort, SearchMode mode, String value, String id) {

  static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,32}");

  boolean isPlain() {
    return sort == Sort.ID && mode == SearchMode.NONE;
  }

  String encode() {
    if (isPlain()) {
      return id;
    }
    String raw = sort.wireName + "|" + mode + "|" + id + "|" + value;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor for {@code sort} and {@code mode}, or null if {@code text} is not one. */
  static Cursor decode(String text, Sort sort, SearchMode mode) {
    if (sort == Sort.ID && mode == SearchMode.NONE) {
      return ID.matcher(text).matches() ? new Cursor(sort, mode, null, text) : null;
    }
    try {
      String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      String[] parts = raw.split("\\|", 4);
      if (parts.length != 4 || !parts[0].equals(sort.wireName) || !ID.matcher(parts[2]).matches()) {
        return null;
      }
      SearchMode cursorMode = SearchMode.valueOf(parts[1]);
      // A search that fell back to fuzzy matching keeps paging fuzzily.
      if ((mode == SearchMode.NONE) != (cursorMode == SearchMode.NONE)) {
        return null;
      }
      Cursor cursor = new Cursor(sort, cursorMode, parts[3], parts[2]);
      cursor.checkValue();
      return cursor;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private void checkValue() {
    switch (sort) {
      case PRICE, PRICE_DESC, NEWEST -> Long.parseLong(value);
      case RELEVANCE -> Float.parseFloat(value);
      default -> {}
    }
  }
}
