package com.shopverse.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.testsupport.LocalPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The client_credentials grant (RFC 6749 §4.4) for service-to-service calls, real PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClientCredentialsIT {

  static final LocalPostgres postgres = LocalPostgres.start();
  // The configured default client: order-service with the local default secret.
  static final String CLIENT = "order-service";
  static final String SECRET = "local-order-service-secret";

  @LocalServerPort int port;
  final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> postgres.jdbcUrl() + "&currentSchema=auth");
  }

  @AfterAll
  static void stop() {
    postgres.close();
  }

  @Test
  void aKnownClientGetsAScopedTokenThatVerifiesAgainstTheJwks() throws Exception {
    HttpResponse<String> response =
        token(basic(CLIENT, SECRET), "grant_type=client_credentials&scope=inventory");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("cache-control")).hasValue("no-store");
    assertThat(response.body())
        .contains("\"token_type\":\"Bearer\"", "\"expires_in\":900", "\"scope\":\"inventory\"");

    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withJwkSetUri("http://127.0.0.1:" + port + "/.well-known/jwks.json")
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .build();
    Jwt jwt = decoder.decode(accessToken(response.body()));
    assertThat(jwt.getSubject()).isEqualTo(CLIENT);
    assertThat(jwt.getClaimAsString("scope")).isEqualTo("inventory");
    assertThat(jwt.getIssuer().toString()).isEqualTo("http://shopverse-auth");
    assertThat(jwt.getAudience()).containsExactly("shopverse");
    assertThat(jwt.getClaims()).doesNotContainKeys("roles", "email");
  }

  @Test
  void acceptsTheCredentialsInTheFormAndGrantsAllowedScopesWhenNoneAreAsked() throws Exception {
    HttpResponse<String> response =
        token(
            null, "grant_type=client_credentials&client_id=" + CLIENT + "&client_secret=" + SECRET);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("\"scope\":\"inventory\"");
  }

  @Test
  void rejectsAWrongSecretAsInvalidClient() throws Exception {
    HttpResponse<String> response =
        token(basic(CLIENT, "not-the-secret"), "grant_type=client_credentials");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("www-authenticate"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
    assertThat(response.body()).contains("\"error\":\"invalid_client\"");
  }

  @Test
  void rejectsAnUnknownClientAndAMissingAuthenticationAsInvalidClient() throws Exception {
    assertThat(token(basic("stranger", SECRET), "grant_type=client_credentials").statusCode())
        .isEqualTo(401);
    HttpResponse<String> anonymous = token(null, "grant_type=client_credentials");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).contains("invalid_client");
  }

  @Test
  void rejectsAScopeTheClientMayNotHave() throws Exception {
    HttpResponse<String> response =
        token(basic(CLIENT, SECRET), "grant_type=client_credentials&scope=inventory%20admin");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"error\":\"invalid_scope\"");
  }

  @Test
  void rejectsOtherGrantTypes() throws Exception {
    HttpResponse<String> response =
        token(basic(CLIENT, SECRET), "grant_type=password&username=a&password=b");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"error\":\"unsupported_grant_type\"");
  }

  @Test
  void rejectsAMalformedRequestAsInvalidRequest() throws Exception {
    HttpResponse<String> noGrant = token(basic(CLIENT, SECRET), "scope=inventory");
    assertThat(noGrant.statusCode()).isEqualTo(400);
    assertThat(noGrant.body()).contains("\"error\":\"invalid_request\"");

    HttpResponse<String> twoMethods =
        token(
            basic(CLIENT, SECRET),
            "grant_type=client_credentials&client_id=" + CLIENT + "&client_secret=" + SECRET);
    assertThat(twoMethods.statusCode()).isEqualTo(400);
    assertThat(twoMethods.body()).contains("\"error\":\"invalid_request\"");
  }

  private HttpResponse<String> token(String authorization, String form) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/oauth2/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String id, String secret) {
    return "Basic "
        + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  private static String accessToken(String body) {
    return body.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
  }
}
