package com.shopverse.e2e;

import java.util.List;

/**
 * The six Spring Boot services, by the names compose, the manifests and {@code ./shopverse} use.
 */
public final class SpringServices {

  public static final List<String> NAMES =
      List.of(
          "gateway-service",
          "auth-service",
          "catalog-service",
          "order-service",
          "event-ingest-service",
          "recommendation-service");

  private SpringServices() {}
}
