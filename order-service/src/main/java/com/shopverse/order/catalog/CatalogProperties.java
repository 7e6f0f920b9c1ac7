package com.shopverse.order.catalog;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How order-service reaches catalog-service.
 *
 * @param url catalog-service's base URL
 * @param tokenUri auth-service's OAuth2 token endpoint
 * @param clientId this service's OAuth2 client id
 * @param clientSecret its secret (auth-service keeps only a hash)
 * @param scope the scope the inventory API requires
 * @param connectTimeout TCP connect timeout for catalog and token calls
 * @param readTimeout how long one catalog or token call may take
 * @param maxConnections pooled keep-alive connections to catalog-service (beyond them a call waits
 *     up to {@code connectTimeout} for one); about the number of request threads that call it
 */
@ConfigurationProperties("shopverse.order.catalog")
public record CatalogProperties(
    URI url,
    URI tokenUri,
    String clientId,
    String clientSecret,
    @DefaultValue("inventory") String scope,
    @DefaultValue("1s") Duration connectTimeout,
    @DefaultValue("3s") Duration readTimeout,
    @DefaultValue("64") int maxConnections) {}
