package com.shopverse.order.cart;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxQuantity the most of one product a cart line may hold (documented in the API: 99)
 * @param maxLines the most distinct products in one cart
 */
@ConfigurationProperties("shopverse.order.cart")
public record CartProperties(
    @DefaultValue("99") int maxQuantity, @DefaultValue("50") int maxLines) {}
