package com.shopverse.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.testsupport.TestHttp;
import com.shopverse.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A servlet service with the shared defaults answers 401 as problem details, on real HTTP. */
@SpringBootTest(
    classes = ServletSecurityProblemsIT.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.config.import=classpath:shopverse-defaults.yml")
class ServletSecurityProblemsIT {

  static final TestTokens tokens = TestTokens.start();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("shopverse.security.jwk-set-uri", tokens::jwksUri);
  }

  @AfterAll
  static void stop() {
    tokens.close();
  }

  @Test
  void answersAMissingTokenWithAnAuthenticationRequiredProblem() {
    HttpResponse<String> response = new TestHttp(port).get("/hello", null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .startsWith("Bearer");
    assertThat(response.body()).contains("problems/authentication-required");
  }

  @Test
  void answersAnExpiredTokenWithAnInvalidTokenProblem() {
    String expired =
        tokens.token(
            "alice",
            List.of("CUSTOMER"),
            TestTokens.ISSUER,
            TestTokens.AUDIENCE,
            Duration.ofMinutes(-5));
    HttpResponse<String> response = new TestHttp(port).get("/hello", expired);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .contains("invalid_token");
    assertThat(response.body()).contains("problems/invalid-token");
  }

  @Test
  void letsAValidTokenThrough() {
    HttpResponse<String> response = new TestHttp(port).get("/hello", tokens.customer("alice"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("hello alice");
  }

  @SpringBootApplication
  static class App {

    @RestController
    static class Hello {

      @GetMapping("/hello")
      String hello(java.security.Principal principal) {
        return "hello " + principal.getName();
      }
    }
  }
}
