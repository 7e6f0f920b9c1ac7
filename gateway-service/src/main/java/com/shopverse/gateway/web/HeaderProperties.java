package com.shopverse.gateway.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Identity headers a client must not be able to set: removed from every request before it is
 * forwarded. A name ending in {@code *} removes every header with that prefix.
 *
 * @param stripIdentityHeaders header names (case-insensitive), or prefixes ending in {@code *}
 */
@ConfigurationProperties("shopverse.gateway.headers")
public record HeaderProperties(List<String> stripIdentityHeaders) {

  public HeaderProperties {
    stripIdentityHeaders =
        stripIdentityHeaders == null ? List.of() : List.copyOf(stripIdentityHeaders);
  }
}
