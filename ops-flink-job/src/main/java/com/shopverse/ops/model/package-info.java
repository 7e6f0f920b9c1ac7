/**
 * The detection and forecasting maths, free of Flink: an additive Holt-Winters forecaster per
 * series, a robust z-score on its residuals, and a peer detector for keyed series.
 */
package com.shopverse.ops.model;
