/**
 * order-service: carts ({@code cart}), idempotent checkout ({@code checkout}), orders and their
 * state machine ({@code order}), the payment provider ({@code payment}) and the catalog client
 * ({@code catalog}).
 */
package com.shopverse.order;
