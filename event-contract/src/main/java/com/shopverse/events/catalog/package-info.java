/** Catalog events on topic {@code catalog-events}, published by catalog-service's outbox. */
package com.shopverse.events.catalog;
