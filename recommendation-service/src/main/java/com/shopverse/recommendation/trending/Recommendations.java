package com.shopverse.recommendation.trending;

import java.util.List;

/**
 * A ranked list. {@code fallback} is true when ClickHouse could not answer in time and the list is
 * the last good one (or empty): the shopper still gets a 200.
 */
record Recommendations(String window, List<Recommendation> items, boolean fallback) {}
