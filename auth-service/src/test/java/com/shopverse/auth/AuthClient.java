package com.shopverse.auth;

import com.shopverse.testsupport.TestHttp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The calls a shopper's app makes to auth-service, for the integration tests. */
final class AuthClient {

  static final String PASSWORD = "velvet-harbour-47";

  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  AuthClient(int port) {
    this.port = port;
  }

  TestHttp http() {
    return new TestHttp(port);
  }

  static String newEmail() {
    return "shopper-" + UUID.randomUUID() + "@example.com";
  }

  static String credentials(String email, String password) {
    return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
  }

  HttpResponse<String> register(String email, String password) {
    return http().post("/api/auth/register", credentials(email, password));
  }

  HttpResponse<String> login(String email, String password) {
    return http().post("/api/auth/login", credentials(email, password));
  }

  /** Registers a new shopper and logs in; the login's body. */
  String newShopperLogin() {
    String email = newEmail();
    register(email, PASSWORD);
    HttpResponse<String> login = login(email, PASSWORD);
    if (login.statusCode() != 200) {
      throw new AssertionError("login failed: " + login.statusCode() + " " + login.body());
    }
    return login.body();
  }

  HttpResponse<String> refresh(String path, String refreshToken) {
    return form(path, "grant_type=refresh_token&refresh_token=" + encode(refreshToken));
  }

  HttpResponse<String> refresh(String refreshToken) {
    return refresh("/api/auth/token", refreshToken);
  }

  HttpResponse<String> logout(String refreshToken) {
    return http().post("/api/auth/logout", "{\"refresh_token\":\"" + refreshToken + "\"}");
  }

  HttpResponse<String> form(String path, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A string field of a flat JSON object, or null. */
  static String field(String json, String name) {
    var matcher = java.util.regex.Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
    return matcher.find() ? matcher.group(1) : null;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
