package com.shopverse.auth.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopverse.auth.AuthProperties;
import com.shopverse.auth.AuthProperties.Admin;
import com.shopverse.testsupport.LocalPostgres;
import com.shopverse.testsupport.TestHttp;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** ADMIN accounts come from configuration at start-up, never from registration. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminBootstrapIT {

  static final LocalPostgres postgres = LocalPostgres.start();
  static final String ADMIN = "root@shopverse.example";
  static final String ADMIN_PASSWORD = "granite-lantern-93";
  static final String DEV_ADMIN = "dev@shopverse.example";
  static final String DEV_PASSWORD = "copper-meadow-58";

  @LocalServerPort int port;
  @Autowired AdminBootstrap bootstrap;
  @Autowired Users users;
  @Autowired PasswordEncoder passwords;
  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> postgres.jdbcUrl() + "&currentSchema=auth");
    String hash = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2).encode(ADMIN_PASSWORD);
    registry.add("shopverse.auth.admins[0].email", () -> ADMIN);
    registry.add("shopverse.auth.admins[0].password-hash", () -> hash);
    registry.add("shopverse.auth.admins[1].email", () -> DEV_ADMIN);
    registry.add("shopverse.auth.admins[1].password", () -> DEV_PASSWORD);
  }

  @AfterAll
  static void stop() {
    postgres.close();
  }

  @Test
  void configuredAdminsLogInWithTheAdminRole() {
    assertThat(roles(login(ADMIN, ADMIN_PASSWORD))).isEqualTo("[\"ADMIN\"]");
    assertThat(roles(login(DEV_ADMIN, DEV_PASSWORD))).isEqualTo("[\"ADMIN\"]");
  }

  @Test
  void bootstrappingAgainChangesNothing() {
    String before = hashes();

    bootstrap.run(null);
    bootstrap.run(null);

    assertThat(hashes()).isEqualTo(before);
    assertThat(
            jdbc.sql("SELECT count(*) FROM users WHERE lower(email) IN (?, ?)")
                .params(ADMIN, DEV_ADMIN)
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void promotesAnExistingCustomerAndGivesItTheConfiguredPassword() {
    String email = "promoted-" + UUID.randomUUID() + "@example.com";
    http().post("/api/auth/register", credentials(email, "first-password-71"));

    new AdminBootstrap(users, passwords, properties(new Admin(email, null, "second-password-72")))
        .run(null);

    assertThat(http().post("/api/auth/login", credentials(email, "first-password-71")).statusCode())
        .isEqualTo(401);
    assertThat(roles(login(email, "second-password-72"))).isEqualTo("[\"CUSTOMER\",\"ADMIN\"]");
  }

  @Test
  void registrationNeverGrantsAdmin() {
    String email = "climber-" + UUID.randomUUID() + "@example.com";
    HttpResponse<String> registered =
        http()
            .post(
                "/api/auth/register",
                "{\"email\":\""
                    + email
                    + "\",\"password\":\"ladder-rungs-88\",\"roles\":[\"ADMIN\"]}");
    assertThat(registered.statusCode()).isEqualTo(201);

    assertThat(roles(login(email, "ladder-rungs-88"))).isEqualTo("[\"CUSTOMER\"]");
    assertThat(
            http()
                .post("/api/auth/register", credentials(ADMIN, "takeover-attempt-1"))
                .statusCode())
        .isEqualTo(409);
  }

  @Test
  void refusesAnAdminWithBothOrNeitherKindOfPassword() {
    assertThatThrownBy(
            () -> new AdminBootstrap(users, passwords, properties(new Admin("a@b.c", "x", "y"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a@b.c");
    assertThatThrownBy(
            () -> new AdminBootstrap(users, passwords, properties(new Admin("a@b.c", null, null))))
        .isInstanceOf(IllegalStateException.class);
  }

  private String hashes() {
    return jdbc.sql(
            "SELECT string_agg(password_hash || roles, '|' ORDER BY email) FROM users"
                + " WHERE lower(email) IN (?, ?)")
        .params(ADMIN, DEV_ADMIN)
        .query(String.class)
        .single();
  }

  private static AuthProperties properties(Admin admin) {
    return new AuthProperties(
        null, null, null, null, null, List.of(admin), null, null, null, null, null, null);
  }

  private String login(String email, String password) {
    HttpResponse<String> response = http().post("/api/auth/login", credentials(email, password));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
  }

  private static String roles(String token) {
    String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    return payload.replaceAll(".*\"roles\":(\\[[^\\]]*\\]).*", "$1");
  }

  private static String credentials(String email, String password) {
    return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
  }

  private TestHttp http() {
    return new TestHttp(port);
  }
}
