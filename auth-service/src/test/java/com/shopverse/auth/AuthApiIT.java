package com.shopverse.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.testsupport.LocalPostgres;
import com.shopverse.testsupport.TestHttp;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Registration, login and the JWKS against a real PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthApiIT {

  static final LocalPostgres postgres = LocalPostgres.start();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> postgres.jdbcUrl() + "&currentSchema=auth");
  }

  @AfterAll
  static void stop() {
    postgres.close();
  }

  @Test
  void registeredShopperLogsInAndGetsAnRs256TokenWhoseKeyIsPublished() throws Exception {
    String email = "shopper-" + UUID.randomUUID() + "@example.com";
    assertThat(http().post("/api/auth/register", credentials(email, "correct horse")).statusCode())
        .isEqualTo(201);

    HttpResponse<String> login =
        http().post("/api/auth/login", credentials(email.toUpperCase(), "correct horse"));
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).contains("\"token_type\":\"Bearer\"", "\"expires_in\":900");

    String token = login.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    String header = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0]));
    assertThat(header).contains("\"alg\":\"RS256\"");
    String kid = header.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");

    HttpResponse<String> jwks = http().get("/.well-known/jwks.json");
    assertThat(jwks.body()).contains("\"kid\":\"" + kid + "\"").doesNotContain("\"d\":");
  }

  @Test
  void exposesTheConnectionPoolOnThePrometheusEndpoint() {
    http().post("/api/auth/login", credentials("nobody@example.com", "correct horse"));

    assertThat(http().get("/actuator/prometheus").body())
        .contains("hikaricp_connections_active{")
        .contains("hikaricp_connections_pending{")
        .contains("hikaricp_connections_max{");
  }

  @Test
  void rejectsAWrongPasswordWithAProblemDetail() throws Exception {
    String email = "shopper-" + UUID.randomUUID() + "@example.com";
    http().post("/api/auth/register", credentials(email, "correct horse"));

    HttpResponse<String> login = http().post("/api/auth/login", credentials(email, "wrong horse"));

    assertThat(login.statusCode()).isEqualTo(401);
    assertThat(login.headers().firstValue("content-type")).hasValue("application/problem+json");
    assertThat(login.body()).contains("invalid-credentials");
  }

  @Test
  void rejectsASecondAccountForTheSameEmail() throws Exception {
    String email = "shopper-" + UUID.randomUUID() + "@example.com";
    http().post("/api/auth/register", credentials(email, "correct horse"));

    assertThat(http().post("/api/auth/register", credentials(email, "other horse")).statusCode())
        .isEqualTo(409);
  }

  @Test
  void namesTheInvalidFields() throws Exception {
    HttpResponse<String> response =
        http().post("/api/auth/register", credentials("not-an-email", "short"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"field\":\"email\"", "\"field\":\"password\"");
  }

  @Test
  void rejectsWeakPasswordsWithAProblemNamingPasswordAndWhy() throws Exception {
    String name = "margaret" + UUID.randomUUID().toString().substring(0, 8);
    String email = name + "@example.com";
    assertWeak(email, "k9#xq!Lm2", "at least 10 characters");
    assertWeak(email, "password123", "most commonly used");
    assertWeak(email, "my-" + name.toUpperCase() + "!", "name part of the email");
    assertWeak(email, "%%%%%%%%%%%%", "one character repeated");
    // None of them made an account: a good password still registers.
    assertThat(
            http().post("/api/auth/register", credentials(email, "velvet-harbour-47")).statusCode())
        .isEqualTo(201);
  }

  private void assertWeak(String email, String password, String why) {
    HttpResponse<String> response = http().post("/api/auth/register", credentials(email, password));
    assertThat(response.statusCode()).as(password).isEqualTo(400);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
    assertThat(response.body()).contains("\"field\":\"password\"", why);
  }

  private static String credentials(String email, String password) {
    return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
  }

  private TestHttp http() {
    return new TestHttp(port);
  }
}
