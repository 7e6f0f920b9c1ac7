package com.shopverse.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

/** Which requests draw from the strict login/register/token bucket. */
class CredentialEndpointsTest {

  private final RateLimitFilter filter =
      new RateLimitFilter(
          new RateLimitProperties(
              true,
              new RateLimitProperties.Limit(5, Duration.ofMinutes(1), 10),
              List.of("/api/auth/login", "/api/auth/register", "/api/auth/token"),
              new RateLimitProperties.Limit(50, Duration.ofSeconds(1), 100),
              List.of(),
              Duration.ofMillis(100),
              Duration.ofSeconds(2),
              1000),
          null,
          null,
          null,
          null);

  @Test
  void takesEverySpellingOfALoginPostAsTheCredentialEndpoint() {
    for (String path :
        List.of(
            "/api/auth/login",
            "/api/auth/login/",
            "/api/auth//login",
            "/api/auth/%6Cogin",
            "/api/%61uth/login",
            "/api/auth/login;jsessionid=1",
            "/api/auth/register",
            "/api/auth/token")) {
      // URI.create keeps the escapes as a client sends them (post(String) would encode the %).
      MockServerHttpRequest raw =
          MockServerHttpRequest.method(HttpMethod.POST, URI.create(path)).build();
      assertThat(filter.isCredentialEndpoint(raw)).as(path).isTrue();
    }
  }

  @Test
  void leavesOtherAuthCallsAndReadsToTheGeneralBucket() {
    assertThat(filter.isCredentialEndpoint(MockServerHttpRequest.get("/api/auth/login").build()))
        .isFalse();
    assertThat(filter.isCredentialEndpoint(MockServerHttpRequest.post("/api/auth/refresh").build()))
        .isFalse();
    assertThat(filter.isCredentialEndpoint(MockServerHttpRequest.post("/api/orders").build()))
        .isFalse();
  }
}
