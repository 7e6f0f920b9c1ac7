/** Who may call which route at the gateway: one table, decided in one pass. */
package com.shopverse.gateway.access;
