/**
 * An open-loop (constant arrival rate) HTTP load generator: request {@code i} is due at {@code
 * start + i / rate} whatever happened to the requests before it, and its latency is measured from
 * that intended start, so queueing in the server or in the generator shows up in the percentiles
 * instead of being silently omitted (coordinated omission). See the module's README.md.
 */
package com.shopverse.loadgen;
