package com.shopverse.gateway;

import static com.shopverse.gateway.access.RouteAccess.Require.ADMIN;
import static com.shopverse.gateway.access.RouteAccess.Require.ANYONE;
import static com.shopverse.gateway.access.RouteAccess.Require.AUTHENTICATED;
import static com.shopverse.gateway.access.RouteAccess.Require.NOBODY;
import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.gateway.access.RouteAccess;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class RouteTableTest {

  private final RouteAccess routes = SecurityConfiguration.routes();

  @Test
  void keepsAdminAndServiceRulesAheadOfTheBroadPublicOnes() {
    assertThat(routes.required(HttpMethod.GET, "/api/catalog/reservations/r-1")).isEqualTo(NOBODY);
    assertThat(routes.required(HttpMethod.POST, "/api/auth/admin/users")).isEqualTo(ADMIN);
    assertThat(routes.required(HttpMethod.GET, "/api/auth/admin/users")).isEqualTo(ADMIN);
    assertThat(routes.required(HttpMethod.POST, "/api/catalog/products/P1/stock")).isEqualTo(ADMIN);
    assertThat(routes.required(HttpMethod.DELETE, "/api/catalog/products/P1")).isEqualTo(ADMIN);
    assertThat(routes.required(HttpMethod.POST, "/api/orders/o-1/ship")).isEqualTo(ADMIN);
  }

  @Test
  void opensOnlyTheListedMethodsOfThePublicRoutes() {
    assertThat(routes.required(HttpMethod.POST, "/api/auth/login")).isEqualTo(ANYONE);
    assertThat(routes.required(HttpMethod.GET, "/api/auth/me")).isEqualTo(AUTHENTICATED);
    assertThat(routes.required(HttpMethod.GET, "/api/catalog/products/P1")).isEqualTo(ANYONE);
    assertThat(routes.required(HttpMethod.GET, "/api/recommendations/trending")).isEqualTo(ANYONE);
    assertThat(routes.required(HttpMethod.POST, "/api/events")).isEqualTo(ANYONE);
    assertThat(routes.required(HttpMethod.GET, "/api/events")).isEqualTo(AUTHENTICATED);
    assertThat(routes.required(HttpMethod.POST, "/api/orders/o-1/cancel")).isEqualTo(AUTHENTICATED);
    assertThat(routes.required(HttpMethod.GET, "/api/orders")).isEqualTo(AUTHENTICATED);
  }
}
