package com.shopverse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Identity end to end through the gateway, with auth-service, PostgreSQL and Redis real: refresh
 * rotation and reuse detection, signing-key rotation picked up by the gateway's JWKS cache, role
 * checks at the door, and the brute-force lockout.
 */
@Order(2)
class IdentityIT {

  static Gateway gateway;

  @BeforeAll
  static void up() {
    gateway = new Gateway(SharedStack.get());
  }

  @Test
  void aRefreshTokenWorksOnceAndItsReuseEndsTheWholeLogin() throws Exception {
    Gateway.Shopper shopper = gateway.registeredShopper("identity");

    HttpResponse<String> refreshed = refresh(shopper.refreshToken());
    assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
    JsonNode next = Gateway.json.readTree(refreshed.body());
    assertThat(gateway.get("/api/cart", next.get("access_token").asText()).statusCode())
        .isEqualTo(200);

    assertThat(refresh(shopper.refreshToken()).body()).contains("invalid_grant");
    assertThat(refresh(next.get("refresh_token").asText()).body())
        .as("the reuse revoked the family, the newest token included")
        .contains("invalid_grant");
  }

  @Test
  void aRotatedSigningKeyIsPublishedSignsLaterAndIsAcceptedBesideTheOldOne() throws Exception {
    Gateway.Shopper before = gateway.registeredShopper("identity");
    String admin = login("admin@shopverse.dev", "shopverse-admin-local");

    assertThat(gateway.post("/api/auth/admin/keys/rotate", "{}", before.accessToken()).statusCode())
        .as("a customer may not rotate keys")
        .isEqualTo(403);
    HttpResponse<String> rotated = gateway.post("/api/auth/admin/keys/rotate", "{}", admin);
    assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
    String newKid = Gateway.json.readTree(rotated.body()).get("kid").asText();
    assertThat(kid(login(before.email(), before.password())))
        .as("published first, signing only after the activation delay (10 s here)")
        .isEqualTo(kid(before.accessToken()));

    String after = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(25).toNanos();
    while (System.nanoTime() < deadline) {
      after = login(before.email(), before.password());
      if (kid(after).equals(newKid)) {
        break;
      }
      Thread.sleep(250);
    }
    assertThat(kid(after)).isEqualTo(newKid);
    assertThat(gateway.get("/api/cart", after).statusCode())
        .as("the gateway and order-service know the new key")
        .isEqualTo(200);
    assertThat(gateway.get("/api/cart", before.accessToken()).statusCode())
        .as("tokens of the retired key stay valid until they expire")
        .isEqualTo(200);
  }

  @Test
  void aCustomerIsStoppedAtTheDoorOfAnAdminRouteWithAProblem() throws Exception {
    String customer = gateway.registeredShopper("identity").accessToken();

    HttpResponse<String> denied =
        gateway.post("/api/catalog/products", "{\"sku\":\"X\"}", customer);

    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(denied.headers().firstValue("content-type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
  }

  @Test
  void repeatedWrongPasswordsLockTheAccountEvenForTheRightOne() throws Exception {
    Gateway.Shopper shopper = gateway.registeredShopper("identity");
    String wrong = credentials(shopper.email(), "not-the-password-1");
    int last = 0;
    for (int attempt = 0; attempt < 5; attempt++) {
      last = gateway.post("/api/auth/login", wrong, null).statusCode();
    }
    assertThat(last).isEqualTo(429);

    HttpResponse<String> locked =
        gateway.post("/api/auth/login", credentials(shopper.email(), shopper.password()), null);
    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(locked.headers().firstValue("Retry-After")).isPresent();
    assertThat(locked.body()).contains("login-locked");
  }

  private static HttpResponse<String> refresh(String refreshToken) throws Exception {
    return gateway.send(
        "POST",
        "/api/auth/token",
        "grant_type=refresh_token&refresh_token="
            + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8),
        null,
        "Content-Type",
        "application/x-www-form-urlencoded");
  }

  private static String login(String email, String password) throws Exception {
    HttpResponse<String> login =
        gateway.post("/api/auth/login", credentials(email, password), null);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return Gateway.json.readTree(login.body()).get("access_token").asText();
  }

  private static String credentials(String email, String password) {
    return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
  }

  private static String kid(String jwt) throws Exception {
    byte[] header = Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.')));
    return Gateway.json.readTree(header).get("kid").asText();
  }
}
