/**
 * Orders: the aggregate owns its state machine and records an event per change; {@link
 * com.shopverse.order.order.Orders} saves both in one transaction.
 */
package com.shopverse.order.order;
