package com.shopverse.order.order;

import java.time.Instant;
import java.util.UUID;

/** One of a shopper's orders, as listed to them. */
record OrderSummary(UUID id, String status, long totalMinor, String currency, Instant createdAt) {}
