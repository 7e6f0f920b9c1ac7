/**
 * Sign-in events on topic {@code auth-events}, keyed by client address, published by auth-service
 * through its outbox. Documented in {@code docs/events.md}.
 */
package com.shopverse.events.auth;
