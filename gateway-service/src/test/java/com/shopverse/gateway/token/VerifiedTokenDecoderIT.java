package com.shopverse.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopverse.defaults.JwtValidation;
import com.shopverse.defaults.SecurityProperties;
import com.shopverse.testsupport.TestTokens;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/** The decoder against a real JWKS server: what it caches, for how long, and what it never does. */
class VerifiedTokenDecoderIT {

  static final TestTokens tokens = TestTokens.start();

  @AfterAll
  static void stop() {
    tokens.close();
  }

  private static VerifiedTokenDecoder decoder(long cacheSize) {
    JwksKeys keys =
        new JwksKeys(
            WebClient.create(), tokens.jwksUri(), Duration.ofSeconds(30), Duration.ofMinutes(5));
    SecurityProperties properties =
        new SecurityProperties(
            URI.create(tokens.jwksUri()), TestTokens.ISSUER, TestTokens.AUDIENCE, List.of());
    return new VerifiedTokenDecoder(
        keys, JwtValidation.validator(properties, Duration.ZERO), 8192, cacheSize);
  }

  @Test
  void cachesAVerifiedTokenAndAnswersTheSameJwtFromTheCache() {
    VerifiedTokenDecoder decoder = decoder(100);
    String token = tokens.customer("alice");

    Jwt first = decoder.decode(token).block();
    Jwt second = decoder.decode(token).block();

    assertThat(first.getSubject()).isEqualTo("alice");
    assertThat(second).isSameAs(first);
    assertThat(decoder.cachedTokens()).isEqualTo(1);
  }

  @Test
  void letsConcurrentFirstRequestsShareTheFirstJwksFetch() {
    int before = tokens.jwksFetches();
    VerifiedTokenDecoder decoder = decoder(100);
    List<Jwt> decoded =
        Flux.range(0, 32)
            .flatMap(i -> decoder.decode(tokens.customer("shopper-" + i)), 32)
            .collectList()
            .block();
    assertThat(decoded).hasSize(32);
    assertThat(tokens.jwksFetches() - before).isEqualTo(1);
  }

  @Test
  void neverCachesAFailure() {
    VerifiedTokenDecoder decoder = decoder(100);
    String expired =
        tokens.sign(TestTokens.customerClaims("alice", Duration.ofSeconds(-5)).build());

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> decoder.decode(expired).block()).isInstanceOf(JwtException.class);
    }
    assertThat(decoder.cachedTokens()).isZero();
  }

  @Test
  void dropsAnEntryWhenItsTokenExpires() throws Exception {
    VerifiedTokenDecoder decoder = decoder(100);
    String shortLived =
        tokens.sign(TestTokens.customerClaims("alice", Duration.ofSeconds(2)).build());
    Jwt jwt = decoder.decode(shortLived).block();
    assertThat(decoder.cachedTokens()).isEqualTo(1);

    Thread.sleep(Math.max(0, jwt.getExpiresAt().toEpochMilli() - System.currentTimeMillis()) + 200);

    assertThat(decoder.cachedTokens()).isZero();
    assertThatThrownBy(() -> decoder.decode(shortLived).block()).isInstanceOf(JwtException.class);
  }

  @Test
  void keepsAtMostTheConfiguredNumberOfTokens() {
    VerifiedTokenDecoder decoder = decoder(10);
    for (int i = 0; i < 50; i++) {
      decoder.decode(tokens.customer("shopper-" + i)).block();
    }
    assertThat(decoder.cachedTokens()).isLessThanOrEqualTo(10);
  }

  @Test
  void refusesAnOversizedTokenBeforeParsingIt() {
    VerifiedTokenDecoder decoder = decoder(10);
    // Not even a JWT: refused for its length, not for its shape.
    assertThatThrownBy(() -> decoder.decode("x".repeat(8193)).block())
        .isInstanceOf(BadJwtException.class)
        .hasMessageContaining("longer than");
  }
}
