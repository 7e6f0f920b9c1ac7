/**
 * Order events on topic {@code order-events}, keyed by order id, published by order-service through
 * its outbox. Documented in {@code docs/events.md}.
 */
package com.shopverse.events.order;
