package com.shopverse.recommendation.catalog;

import com.shopverse.recommendation.RecommendationProperties;
import com.shopverse.recommendation.model.Catalog;
import com.shopverse.recommendation.model.ProductFacts;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * What the model must know about every product (active, in stock, category), read from
 * catalog-service's public pages every {@code catalog-refresh} and swapped in whole. A product
 * unknown here (inactive, or added since the last refresh) is never recommended; if catalog-service
 * is down, the last snapshot stays. When catalog-events reach the pipeline (the commerce issue),
 * this becomes a read of the product dimension in ClickHouse.
 */
@Component
public class CatalogSnapshot implements Catalog {

  private static final Logger log = LoggerFactory.getLogger(CatalogSnapshot.class);
  private static final int PAGE = 100;

  record Page(List<Product> items, String next) {}

  record Product(String id, String categoryId, boolean inStock) {}

  private final RestClient catalog;
  private volatile Map<String, ProductFacts> products = Map.of();
  private volatile long refreshedAtMs;

  CatalogSnapshot(RecommendationProperties properties, MeterRegistry meters) {
    this.catalog = RestClient.create(properties.catalogUrl());
    Gauge.builder("shopverse.recommendations.catalog.products", this, c -> c.products.size())
        .description("Products the recommendation filters know")
        .register(meters);
    Gauge.builder(
            "shopverse.recommendations.catalog.age",
            this,
            c -> c.refreshedAtMs == 0 ? Double.NaN : System.currentTimeMillis() - c.refreshedAtMs)
        .baseUnit("milliseconds")
        .description("Age of the product facts the filters use")
        .register(meters);
  }

  @Override
  public ProductFacts find(String productId) {
    return products.get(productId);
  }

  @Scheduled(initialDelay = 0, fixedDelayString = "${shopverse.recommendation.catalog-refresh}")
  void refresh() {
    try {
      Map<String, ProductFacts> next = new HashMap<>();
      String after = null;
      do {
        Page page = page(after);
        for (Product product : page.items()) {
          next.put(
              product.id(),
              new ProductFacts(product.id(), product.categoryId(), true, product.inStock()));
        }
        after = page.next();
      } while (after != null);
      products = Map.copyOf(next);
      refreshedAtMs = System.currentTimeMillis();
    } catch (RestClientException e) {
      log.warn(
          "Catalog refresh failed, keeping {} known products: {}", products.size(), e.getMessage());
    }
  }

  private Page page(String after) {
    return catalog
        .get()
        .uri(
            builder ->
                builder
                    .path("/api/catalog/products")
                    .queryParam("limit", PAGE)
                    .queryParamIfPresent("after", java.util.Optional.ofNullable(after))
                    .build())
        .retrieve()
        .body(Page.class);
  }
}
