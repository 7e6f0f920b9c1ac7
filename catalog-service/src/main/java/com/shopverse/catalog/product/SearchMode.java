package com.shopverse.catalog.product;

/** How a page was matched: no search, full-text search, or the typo-tolerant fallback. */
enum SearchMode {
  NONE,
  FULL_TEXT,
  FUZZY
}
