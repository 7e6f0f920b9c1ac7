/** A cart per shopper: lines kept here, prices and totals always read fresh from the catalog. */
package com.shopverse.order.cart;
