package com.shopverse.order.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse;
import org.springframework.web.client.RestClientException;

/**
 * catalog-service's product reads and inventory API. Every failure to get an answer (down, slow,
 * token refused) is a {@link CatalogException.Unavailable}; the refusals the contract names (out of
 * stock, unknown product) are their own exceptions.
 */
public class CatalogClient {

  private final RestClient products;
  private final RestClient inventory;

  CatalogClient(RestClient products, RestClient inventory) {
    this.products = products;
    this.inventory = inventory;
  }

  /** The product, or empty if the catalog does not know it (or no longer sells it). */
  public Optional<CatalogProduct> product(String productId) {
    return call(
        () ->
            products
                .get()
                .uri("/api/catalog/products/{id}", productId)
                .exchange(
                    (request, response) -> {
                      if (response.getStatusCode().value() == 404) {
                        return Optional.<CatalogProduct>empty();
                      }
                      if (response.getStatusCode().value() != 200) {
                        throw unexpected(response);
                      }
                      return Optional.ofNullable(response.bodyTo(CatalogProduct.class));
                    }));
  }

  /**
   * Reserves every line or none. Reusing {@code reservationId} is idempotent: the catalog answers
   * with the reservation it already holds.
   */
  public Reservation reserve(UUID reservationId, List<Reservation.Request> lines) {
    return call(
        () ->
            inventory
                .post()
                .uri("/api/catalog/reservations")
                .body(Map.of("reservationId", reservationId, "lines", lines))
                .exchange(
                    (request, response) -> {
                      int status = response.getStatusCode().value();
                      if (status == 200 || status == 201) {
                        return response.bodyTo(Reservation.class);
                      }
                      Map<String, Object> problem = problem(response);
                      String detail = String.valueOf(problem.getOrDefault("detail", ""));
                      if (status == HttpStatus.CONFLICT.value()) {
                        throw new CatalogException.OutOfStock(named(problem, lines), detail);
                      }
                      if (status == HttpStatus.UNPROCESSABLE_ENTITY.value()) {
                        throw new CatalogException.UnknownProduct(named(problem, lines), detail);
                      }
                      throw new CatalogException.Unavailable(
                          "catalog answered " + status + " to a reservation: " + detail, null);
                    }));
  }

  /** Turns the held stock into sold stock. Idempotent. */
  public void confirm(UUID reservationId) {
    transition(reservationId, "confirm");
  }

  /** Hands the stock back (also after a confirm). Idempotent. */
  public void release(UUID reservationId) {
    transition(reservationId, "release");
  }

  private void transition(UUID reservationId, String action) {
    call(
        () ->
            inventory
                .post()
                .uri("/api/catalog/reservations/{id}/" + action, reservationId)
                .exchange(
                    (request, response) -> {
                      if (response.getStatusCode().value() != 200) {
                        throw unexpected(response);
                      }
                      return null;
                    }));
  }

  private static <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (RestClientException | OAuth2AuthorizationException e) {
      throw new CatalogException.Unavailable("catalog-service unavailable: " + e.getMessage(), e);
    }
  }

  /** The product a refusal names: its {@code productId} property, or the one its detail names. */
  private static String named(Map<String, Object> problem, List<Reservation.Request> lines) {
    Object productId = problem.get("productId");
    if (productId != null) {
      return productId.toString();
    }
    String detail = String.valueOf(problem.getOrDefault("detail", ""));
    return lines.stream()
        .map(Reservation.Request::productId)
        .filter(detail::contains)
        .findFirst()
        .orElse(lines.size() == 1 ? lines.get(0).productId() : null);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> problem(ConvertibleClientHttpResponse response) {
    try {
      Map<String, Object> body = response.bodyTo(Map.class);
      return body == null ? Map.of() : body;
    } catch (RuntimeException notJson) {
      return Map.of();
    }
  }

  private static CatalogException unexpected(ConvertibleClientHttpResponse response) {
    try {
      return new CatalogException.Unavailable(
          "catalog answered " + response.getStatusCode().value(), null);
    } catch (java.io.IOException e) {
      return new CatalogException.Unavailable("catalog answer unreadable", e);
    }
  }
}
