package com.shopverse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * A shopper's client of the stack's gateway, shared by the end-to-end classes: JSON requests with
 * an optional bearer token and extra headers, and a freshly registered shopper.
 */
final class Gateway {

  static final ObjectMapper json = new ObjectMapper();
  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Stack stack;

  Gateway(Stack stack) {
    this.stack = stack;
  }

  /** A registered, logged-in shopper: its email, password and the login's token answer. */
  record Shopper(String email, String password, String accessToken, String refreshToken) {}

  HttpResponse<String> get(String path, String token, String... headers) throws IOException {
    return send("GET", path, null, token, headers);
  }

  HttpResponse<String> post(String path, String body, String token, String... headers)
      throws IOException {
    return send("POST", path, body, token, headers);
  }

  /**
   * {@code headers} are name, value pairs; a null body sends none; a body is JSON unless the
   * headers name another Content-Type.
   */
  HttpResponse<String> send(
      String method, String path, String body, String token, String... headers) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url(path)))
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null && !names(headers, "Content-Type")) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted calling " + path, e);
    }
  }

  private static boolean names(String[] headers, String name) {
    for (int i = 0; i < headers.length; i += 2) {
      if (headers[i].equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  /** Registers a new shopper (email prefixed for the logs) and logs it in. */
  Shopper registeredShopper(String prefix) throws IOException {
    String email = prefix + "-" + UUID.randomUUID() + "@example.com";
    String password = "e2e-password-" + UUID.randomUUID().toString().substring(0, 8);
    String credentials = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    HttpResponse<String> registered = post("/api/auth/register", credentials, null);
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    HttpResponse<String> login = post("/api/auth/login", credentials, null);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    JsonNode tokens = json.readTree(login.body());
    return new Shopper(
        email,
        password,
        tokens.get("access_token").asText(),
        tokens.path("refresh_token").asText(null));
  }

  String url(String path) {
    return "http://127.0.0.1:" + stack.port(8080) + path;
  }
}
