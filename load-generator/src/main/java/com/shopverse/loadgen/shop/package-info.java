/**
 * Shopper-shaped tools for the benchmarks: seeding realistic sessions through the ingest API,
 * probing end-to-end freshness, and checkout under load with an oversell check. The first pieces of
 * the shopper simulator.
 */
package com.shopverse.loadgen.shop;
