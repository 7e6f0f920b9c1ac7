/**
 * The shopper simulator ({@code ./shopverse simulate}): open-loop shopper sessions against the
 * gateway, a compressed day, scenarios injected on a schedule and the ground truth they leave
 * (docs/simulator.md).
 */
package com.shopverse.loadgen.sim;
