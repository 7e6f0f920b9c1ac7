/**
 * catalog-service as order-service sees it: public product reads, and the inventory API (reserve,
 * confirm, release) called with a client-credentials token of scope {@code inventory}.
 */
package com.shopverse.order.catalog;
