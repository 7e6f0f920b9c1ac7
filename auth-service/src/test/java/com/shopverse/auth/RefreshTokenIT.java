package com.shopverse.auth;

import static com.shopverse.auth.AuthClient.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopverse.testsupport.LocalPostgres;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Refresh tokens: rotation, reuse detection, logout, against a real PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RefreshTokenIT {

  static final LocalPostgres postgres = LocalPostgres.start();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  AuthClient auth;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> postgres.jdbcUrl() + "&currentSchema=auth");
  }

  @AfterAll
  static void stop() {
    postgres.close();
  }

  @BeforeEach
  void client() {
    auth = new AuthClient(port);
  }

  @Test
  void loginReturnsAnOpaqueRefreshTokenStoredOnlyAsItsHash() throws Exception {
    String login = auth.newShopperLogin();
    String refresh = field(login, "refresh_token");

    assertThat(refresh).matches("[A-Za-z0-9_-]{43}").doesNotContain(".");
    assertThat(field(login, "token_type")).isEqualTo("Bearer");
    byte[] hash =
        MessageDigest.getInstance("SHA-256").digest(refresh.getBytes(StandardCharsets.UTF_8));
    assertThat(
            jdbc.sql("SELECT count(*) FROM refresh_tokens WHERE token_hash = ?")
                .param(hash)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM refresh_tokens WHERE encode(token_hash, 'escape') LIKE ?")
                .param("%" + refresh + "%")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void refreshingRotatesTheTokenAndIssuesAnAccessTokenForTheSameShopper() {
    String login = auth.newShopperLogin();
    String first = field(login, "refresh_token");

    HttpResponse<String> refreshed = auth.refresh(first);

    assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
    assertThat(refreshed.headers().firstValue("cache-control")).hasValue("no-store");
    String second = field(refreshed.body(), "refresh_token");
    assertThat(second).isNotNull().isNotEqualTo(first);
    Jwt before = decoder().decode(field(login, "access_token"));
    Jwt after = decoder().decode(field(refreshed.body(), "access_token"));
    assertThat(after.getSubject()).isEqualTo(before.getSubject());
    assertThat(after.getClaimAsStringList("roles")).containsExactly("CUSTOMER");
    assertThat(after.getId()).isNotEqualTo(before.getId());

    // The services' path works the same, and the chain goes on.
    HttpResponse<String> again = auth.refresh("/oauth2/token", second);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
  }

  @Test
  void revokesTheFamilyWhenARefreshTokenIsReused() {
    String first = field(auth.newShopperLogin(), "refresh_token");
    String second = field(auth.refresh(first).body(), "refresh_token");

    HttpResponse<String> reuse = auth.refresh(first);

    assertThat(reuse.statusCode()).isEqualTo(400);
    assertThat(field(reuse.body(), "error")).isEqualTo("invalid_grant");
    // The token the legitimate holder (or the thief) got from the first use is dead too.
    HttpResponse<String> successor = auth.refresh(second);
    assertThat(successor.statusCode()).isEqualTo(400);
    assertThat(field(successor.body(), "error")).isEqualTo("invalid_grant");
    assertThat(auth.http().get("/actuator/prometheus").body())
        .contains(
            "shopverse_auth_refresh_total{application=\"auth-service\",outcome=\"reused\"}",
            "outcome=\"rotated\"",
            "outcome=\"invalid\"");
  }

  @Test
  void letsExactlyOneOfTwoConcurrentUsesOfATokenWin() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 8; round++) {
        String token = field(auth.newShopperLogin(), "refresh_token");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> uses = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          uses.add(
              pool.submit(
                  () -> {
                    start.await();
                    return auth.refresh(token);
                  }));
        }
        start.countDown();
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (Future<HttpResponse<String>> use : uses) {
          answers.add(use.get());
        }

        List<HttpResponse<String>> won =
            answers.stream().filter(a -> a.statusCode() == 200).toList();
        assertThat(won).as("round %d", round).hasSize(1);
        assertThat(answers.stream().filter(a -> a.statusCode() == 400)).hasSize(1);
        // The loser was a reuse: the winner's new token is revoked with the family.
        assertThat(auth.refresh(field(won.get(0).body(), "refresh_token")).statusCode())
            .isEqualTo(400);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void logoutRevokesTheWholeFamily() {
    String first = field(auth.newShopperLogin(), "refresh_token");
    String second = field(auth.refresh(first).body(), "refresh_token");

    assertThat(auth.logout(second).statusCode()).isEqualTo(204);

    HttpResponse<String> after = auth.refresh(second);
    assertThat(after.statusCode()).isEqualTo(400);
    assertThat(field(after.body(), "error")).isEqualTo("invalid_grant");
  }

  @Test
  void logoutAnswersTheSameForAnUnknownToken() {
    assertThat(auth.logout("no-such-token-at-all").statusCode()).isEqualTo(204);
  }

  @Test
  void loggingInTwiceGivesTwoIndependentFamilies() {
    String email = AuthClient.newEmail();
    auth.register(email, AuthClient.PASSWORD);
    String phone = field(auth.login(email, AuthClient.PASSWORD).body(), "refresh_token");
    String laptop = field(auth.login(email, AuthClient.PASSWORD).body(), "refresh_token");

    auth.logout(phone);

    assertThat(auth.refresh(laptop).statusCode()).isEqualTo(200);
  }

  @Test
  void rejectsAnExpiredRefreshToken() throws Exception {
    String token = field(auth.newShopperLogin(), "refresh_token");
    byte[] hash =
        MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    jdbc.sql(
            "UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = ?")
        .param(hash)
        .update();

    HttpResponse<String> response = auth.refresh(token);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(field(response.body(), "error")).isEqualTo("invalid_grant");
  }

  @Test
  void answersRfc6749ErrorsForUnknownMissingAndMalformedRefreshRequests() {
    HttpResponse<String> unknown = auth.refresh("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(field(unknown.body(), "error")).isEqualTo("invalid_grant");

    HttpResponse<String> missing = auth.form("/api/auth/token", "grant_type=refresh_token");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(field(missing.body(), "error")).isEqualTo("invalid_request");

    HttpResponse<String> huge = auth.refresh("A".repeat(5000));
    assertThat(huge.statusCode()).isEqualTo(400);
    assertThat(field(huge.body(), "error")).isEqualTo("invalid_grant");

    HttpResponse<String> json =
        auth.http().post("/api/auth/token", "{\"grant_type\":\"refresh_token\"}");
    assertThat(json.statusCode()).isEqualTo(400);
    assertThat(field(json.body(), "error")).isEqualTo("invalid_request");
  }

  @Test
  void aRefreshTokenCanNeverPassAsAnAccessToken() {
    String token = field(auth.newShopperLogin(), "refresh_token");

    assertThatThrownBy(() -> decoder().decode(token)).isInstanceOf(BadJwtException.class);
  }

  private NimbusJwtDecoder decoder() {
    return NimbusJwtDecoder.withJwkSetUri("http://127.0.0.1:" + port + "/.well-known/jwks.json")
        .jwsAlgorithm(SignatureAlgorithm.RS256)
        .build();
  }
}
