package com.shopverse.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An issuer of RS256 test tokens that serves its JWKS over real HTTP, so a service under test
 * fetches and validates keys as it does against auth-service. It counts the JWKS fetches (so a test
 * can prove a refetch bound) and can rotate its signing key like auth-service: the new key signs,
 * the old one stays published.
 */
public final class TestTokens implements AutoCloseable {

  public static final String ISSUER = "http://shopverse-auth";
  public static final String AUDIENCE = "shopverse";

  private volatile RSAKey key;
  private final List<RSAKey> published = new CopyOnWriteArrayList<>();
  private final AtomicInteger fetches = new AtomicInteger();
  private final HttpServer server;

  private TestTokens(HttpServer server) {
    this.server = server;
  }

  public static TestTokens start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      TestTokens tokens = new TestTokens(server);
      tokens.rotateKey();
      server.createContext(
          "/.well-known/jwks.json",
          exchange -> {
            tokens.fetches.incrementAndGet();
            byte[] jwks = tokens.jwks().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
          });
      server.start();
      return tokens;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String jwksUri() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
  }

  /** How many times the JWKS was served since the start. */
  public int jwksFetches() {
    return fetches.get();
  }

  /** The public JWKS as served (every published key). */
  public String jwks() {
    return new JWKSet(published.stream().map(k -> (JWK) k.toPublicJWK()).toList()).toString();
  }

  /**
   * A new signing key with a new {@code kid}; the previous keys stay published (as auth-service
   * keeps them until their tokens have expired). Returns the new {@code kid}.
   */
  public String rotateKey() {
    try {
      RSAKey next =
          new RSAKeyGenerator(2048)
              .keyID(UUID.randomUUID().toString())
              .algorithm(JWSAlgorithm.RS256)
              .generate();
      published.add(next);
      key = next;
      return next.getKeyID();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The current signing key's public half (for key-confusion attacks). */
  public RSAKey publicKey() {
    return key.toPublicJWK();
  }

  public String keyId() {
    return key.getKeyID();
  }

  /** A valid customer token for {@code userId}. */
  public String customer(String userId) {
    return token(userId, List.of("CUSTOMER"), ISSUER, AUDIENCE, Duration.ofMinutes(15));
  }

  /** A valid admin token for {@code userId}. */
  public String admin(String userId) {
    return token(userId, List.of("ADMIN"), ISSUER, AUDIENCE, Duration.ofMinutes(15));
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

  /** Valid claims for a customer, for a test that changes one of them. */
  public static JWTClaimsSet.Builder customerClaims(String subject, Duration ttl) {
    return claims(subject, ISSUER, AUDIENCE, ttl).claim("roles", List.of("CUSTOMER"));
  }

  /** Signs {@code claims} with the current key under the standard RS256 header. */
  public String sign(JWTClaimsSet claims) {
    return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
  }

  /**
   * Signs {@code claims} with the current key under a header the test chose (an RS256 header with a
   * strange {@code kid}, a {@code jku}, an {@code x5u}...).
   */
  public String sign(JWSHeader header, JWTClaimsSet claims) {
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
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

  @Override
  public void close() {
    server.stop(0);
  }
}
