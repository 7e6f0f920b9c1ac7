package com.shopverse.auth;

import static com.shopverse.auth.AuthClient.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.shopverse.testsupport.LocalPostgres;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Signing-key rotation against a real PostgreSQL: on demand, on schedule, across replicas, and the
 * retired key's JWKS lifetime. Access tokens live 3 s here, so a retired key goes after 3 s + 1 s
 * refresh + 1 s skew.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "shopverse.auth.access-token-ttl=3s",
      "shopverse.auth.key-refresh-interval=1s",
      "shopverse.auth.clock-skew=1s",
      // Rotations sign at once here unless a test asks for a delay (activateIn).
      "shopverse.auth.key-activation-delay=0s",
      "shopverse.auth.admins[0].email=" + KeyRotationIT.ADMIN,
      "shopverse.auth.admins[0].password=" + KeyRotationIT.ADMIN_PASSWORD
    })
class KeyRotationIT {

  static final String ADMIN = "keys-admin@shopverse.example";
  static final String ADMIN_PASSWORD = "ember-quarry-64";
  static final LocalPostgres postgres = LocalPostgres.start();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  AuthClient auth;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", KeyRotationIT::jdbcUrl);
  }

  static String jdbcUrl() {
    return postgres.jdbcUrl() + "&currentSchema=auth";
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
  void aRotationSignsWithTheNewKeyAndPublishesTheOldOneUntilItsTokensHaveExpired() {
    String oldToken = field(auth.newShopperLogin(), "access_token");
    String oldKid = kid(oldToken);

    HttpResponse<String> rotated = rotate(adminToken());
    assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
    String newKid = field(rotated.body(), "kid");
    assertThat(newKid).isNotEqualTo(oldKid);

    String newToken = field(auth.newShopperLogin(), "access_token");
    assertThat(kid(newToken)).isEqualTo(newKid);
    assertThat(auth.http().get("/.well-known/jwks.json").body()).contains(oldKid, newKid);
    // A resource server still accepts the token signed before the rotation, through the JWKS.
    Jwt old = jwksDecoder().decode(oldToken);
    assertThat(old.getHeaders()).containsEntry("kid", oldKid);
    assertThat(jwksDecoder().decode(newToken).getSubject()).isNotBlank();

    // Retired, plus the 3 s TTL, 1 s refresh and 1 s skew: then gone from the JWKS and the table.
    await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> !auth.http().get("/.well-known/jwks.json").body().contains(oldKid));
    assertThat(auth.http().get("/.well-known/jwks.json").body()).contains(newKid);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                jdbc.sql("SELECT count(*) FROM signing_keys WHERE kid = ?")
                        .param(oldKid)
                        .query(Long.class)
                        .single()
                    == 0);
  }

  @Test
  void aStagedRotationPublishesTheNewKeyBeforeItSigns() {
    String before = kid(field(auth.newShopperLogin(), "access_token"));

    HttpResponse<String> rotated = rotate(adminToken(), "?activateIn=PT3S");
    assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
    String newKid = field(rotated.body(), "kid");

    assertThat(auth.http().get("/.well-known/jwks.json").body()).contains(before, newKid);
    assertThat(kid(field(auth.newShopperLogin(), "access_token")))
        .as("published, not signing yet")
        .isEqualTo(before);
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> kid(field(auth.newShopperLogin(), "access_token")).equals(newKid));
  }

  @Test
  void refusesAnActivationDelayThatIsNotADurationOfAtMostADay() {
    for (String bad : new String[] {"soon", "-PT1S", "P2D"}) {
      HttpResponse<String> response = rotate(adminToken(), "?activateIn=" + bad);
      assertThat(response.statusCode()).as(bad).isEqualTo(400);
      assertThat(response.body()).contains("\"field\":\"activateIn\"");
    }
  }

  @Test
  void onlyAnAdminMayRotate() {
    String customer = field(auth.newShopperLogin(), "access_token");

    HttpResponse<String> forbidden = rotate(customer);
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(forbidden.headers().firstValue("content-type")).hasValue("application/problem+json");
    assertThat(forbidden.body()).contains("https://shopverse.dev/problems/forbidden");
    assertThat(rotate(null).statusCode()).isEqualTo(401);
    // Still the same signing key.
    assertThat(kid(field(auth.newShopperLogin(), "access_token"))).isEqualTo(kid(customer));
  }

  @Test
  void aRefreshTokenSentAsAnAccessTokenIsRejected() {
    String refresh = field(auth.newShopperLogin(), "refresh_token");

    HttpResponse<String> response = rotate(refresh);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("www-authenticate"))
        .hasValueSatisfying(value -> assertThat(value).contains("invalid_token"));
  }

  @Test
  void aRotationOnOneReplicaReachesTheOthers() {
    try (ConfigurableApplicationContext other = replica()) {
      AuthClient replica =
          new AuthClient(((WebServerApplicationContext) other).getWebServer().getPort());
      String email = AuthClient.newEmail();
      replica.register(email, AuthClient.PASSWORD);

      String newKid = field(rotate(adminToken()).body(), "kid");

      // Within about one key-refresh-interval (1 s here) the other replica signs with it too.
      await()
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(250))
          .until(
              () ->
                  newKid.equals(
                      kid(
                          field(
                              replica.login(email, AuthClient.PASSWORD).body(), "access_token"))));
      assertThat(replica.http().get("/.well-known/jwks.json").body()).contains(newKid);
    }
  }

  @Test
  void rotatesByItselfWhenTheSigningKeyIsOlderThanTheInterval() {
    // A replica with a 2 s rotation interval on its own schema, so the others' keys stay still.
    try (ConfigurableApplicationContext scheduled =
        new SpringApplicationBuilder(AuthApplication.class)
            .run(
                "--server.port=0",
                "--spring.datasource.url=" + postgres.jdbcUrl() + "&currentSchema=auth_scheduled",
                "--spring.flyway.schemas=auth_scheduled",
                "--spring.flyway.default-schema=auth_scheduled",
                "--shopverse.auth.key-rotation-interval=2s",
                "--shopverse.auth.key-refresh-interval=500ms",
                // A scheduled rotation is staged too: published first, signing 1 s later.
                "--shopverse.auth.key-activation-delay=1s")) {
      AuthClient replica =
          new AuthClient(((WebServerApplicationContext) scheduled).getWebServer().getPort());
      String first = kid(field(replica.newShopperLogin(), "access_token"));

      await()
          .atMost(Duration.ofSeconds(15))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> !first.equals(kid(field(replica.newShopperLogin(), "access_token"))));
      assertThat(replica.http().get("/actuator/prometheus").body())
          .contains("shopverse_auth_keys_rotated_total{", "trigger=\"schedule\"");
    }
  }

  private ConfigurableApplicationContext replica() {
    // Command-line arguments, so they win over application.yml's environment defaults.
    return new SpringApplicationBuilder(AuthApplication.class)
        .run(
            "--server.port=0",
            "--spring.datasource.url=" + jdbcUrl(),
            "--shopverse.auth.access-token-ttl=3s",
            "--shopverse.auth.key-refresh-interval=1s",
            "--shopverse.auth.clock-skew=1s",
            "--shopverse.auth.key-activation-delay=0s");
  }

  private String adminToken() {
    HttpResponse<String> login = auth.login(ADMIN, ADMIN_PASSWORD);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return field(login.body(), "access_token");
  }

  private HttpResponse<String> rotate(String token) {
    return rotate(token, "");
  }

  private HttpResponse<String> rotate(String token, String query) {
    return auth.http().post("/api/auth/admin/keys/rotate" + query, null, token);
  }

  private NimbusJwtDecoder jwksDecoder() {
    return NimbusJwtDecoder.withJwkSetUri("http://127.0.0.1:" + port + "/.well-known/jwks.json")
        .jwsAlgorithm(SignatureAlgorithm.RS256)
        .build();
  }

  private static String kid(String token) {
    String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
    return header.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
  }
}
