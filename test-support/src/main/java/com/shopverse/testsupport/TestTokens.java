package com.shopverse.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * An issuer of RS256 test tokens that serves its JWKS over real HTTP, so a service under test
 * fetches and validates keys as it does against auth-service.
 */
public final class TestTokens implements AutoCloseable {

  public static final String ISSUER = "http://shopverse-auth";
  public static final String AUDIENCE = "shopverse";

  private final RSAKey key;
  private final HttpServer server;

  private TestTokens(RSAKey key, HttpServer server) {
    this.key = key;
    this.server = server;
  }

  public static TestTokens start() {
    try {
      RSAKey key =
          new RSAKeyGenerator(2048)
              .keyID(UUID.randomUUID().toString())
              .algorithm(JWSAlgorithm.RS256)
              .generate();
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
      server.createContext(
          "/.well-known/jwks.json",
          exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
          });
      server.start();
      return new TestTokens(key, server);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String jwksUri() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
  }

  /** A valid customer token for {@code userId}. */
  public String customer(String userId) {
    return token(userId, List.of("CUSTOMER"), ISSUER, AUDIENCE, Duration.ofMinutes(15));
  }

  /** A token with every claim chosen by the test, for the rejection cases. */
  public String token(
      String subject, List<String> roles, String issuer, String audience, Duration ttl) {
    return sign(claims(subject, issuer, audience, ttl).claim("roles", roles).build());
  }

  /** A service client's token, as the client_credentials grant issues it: a scope, no roles. */
  public String service(String clientId, String scope) {
    return sign(
        claims(clientId, ISSUER, AUDIENCE, Duration.ofMinutes(15)).claim("scope", scope).build());
  }

  private static JWTClaimsSet.Builder claims(
      String subject, String issuer, String audience, Duration ttl) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .subject(subject)
        .issuer(issuer)
        .audience(audience)
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(ttl)));
  }

  private String sign(JWTClaimsSet claims) {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
