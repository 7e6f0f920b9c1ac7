package com.shopverse.order.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.testsupport.LocalPostgres;
import com.shopverse.testsupport.TestHttp;
import com.shopverse.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Orders are private to their shopper; real PostgreSQL, real JWKS validation. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrderApiIT {

  static final LocalPostgres postgres = LocalPostgres.start();
  static final TestTokens tokens = TestTokens.start();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> postgres.jdbcUrl() + "&currentSchema=orders");
    registry.add("shopverse.security.jwk-set-uri", tokens::jwksUri);
  }

  @AfterAll
  static void stop() {
    postgres.close();
    tokens.close();
  }

  @Test
  void showsAShopperOnlyTheirOwnOrders() throws Exception {
    UUID mine = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO orders (id, user_id, status, total_minor, currency) VALUES (?, 'alice', 'PAID', 1999, 'EUR')")
        .param(mine)
        .update();
    jdbc.sql(
            "INSERT INTO orders (id, user_id, status, total_minor, currency) VALUES (?, 'bob', 'PAID', 500, 'EUR')")
        .param(UUID.randomUUID())
        .update();

    HttpResponse<String> response = http().get("/api/orders", tokens.customer("alice"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains(mine.toString(), "\"totalMinor\":1999")
        .doesNotContain("\"totalMinor\":500");
  }

  @Test
  void refusesCallersWithoutAToken() throws Exception {
    assertThat(http().get("/api/orders").statusCode()).isEqualTo(401);
  }

  private TestHttp http() {
    return new TestHttp(port);
  }
}
