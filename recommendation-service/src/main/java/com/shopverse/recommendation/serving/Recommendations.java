package com.shopverse.recommendation.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A ranked list.
 *
 * @param kind {@code for-you}, {@code similar}, {@code trending} or {@code recently-viewed}
 * @param fallback true when ClickHouse could not answer in time: the list is then the last good one
 *     for the same request, or popular products; the shopper still gets a 200
 * @param source {@code live}, {@code cache}, {@code last-good} or {@code popular}
 * @param window the trending window, for trending lists
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Recommendations(
    String kind, List<Recommendation> items, boolean fallback, String source, String window) {}
