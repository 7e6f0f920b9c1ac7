/**
 * Measures the detector and the forecast against the shopper simulator's ground truth: precision,
 * recall and time to detection per scenario, forecast MAPE against a naive forecast, and how far
 * ahead of each daily peak the forecast crosses a scaling threshold.
 */
package com.shopverse.ops.eval;
