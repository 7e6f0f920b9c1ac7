package com.shopverse.recommendation.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A ranked list.
 *
 * @param kind {@code for-you}, {@code similar}, {@code trending} or {@code recently-viewed}
 * @param fallback true when the list is not from current data: trending when ClickHouse could not
 *     answer in time (the last good list for the same request, or popular products); personalised
 *     and similar lists when the index has not been refreshed lately; the shopper still gets a 200
 * @param source {@code index} or {@code stale-index} (personalised, similar, recently viewed);
 *     {@code live}, {@code cache} or {@code last-good} (trending); {@code popular} (cold fallback)
 * @param window the trending window, for trending lists
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Recommendations(
    String kind, List<Recommendation> items, boolean fallback, String source, String window) {}
