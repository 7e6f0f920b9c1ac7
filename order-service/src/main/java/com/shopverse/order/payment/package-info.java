/**
 * Taking the shopper's money: the {@link com.shopverse.order.payment.PaymentProvider} port and its
 * sandbox.
 */
package com.shopverse.order.payment;
