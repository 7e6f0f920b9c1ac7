package com.shopverse.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param demoData whether to seed the demo catalog (the local stack does; tests do not)
 * @param maxPageSize the largest page a client may ask for
 */
@ConfigurationProperties("shopverse.catalog")
public record CatalogProperties(boolean demoData, int maxPageSize) {}
