/**
 * Shopper-shaped tools for the recommendation benchmarks: seeding realistic sessions through the
 * ingest API, and probing end-to-end freshness. The first pieces of the shopper simulator.
 */
package com.shopverse.loadgen.shop;
