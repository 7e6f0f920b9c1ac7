package com.shopverse.catalog;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.shopverse.testsupport.TestTokens;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * RS256 tokens for the catalog's tests, with the JWKS served over real HTTP: shoppers and admins
 * ({@code roles}, as auth-service issues them) and service clients ({@code scope}, as a
 * client-credentials token carries it). test-support's {@link TestTokens} has no scope claim yet.
 */
public final class CatalogTokens implements AutoCloseable {

  private final RSAKey key;
  private final HttpServer server;

  private CatalogTokens(RSAKey key, HttpServer server) {
    this.key = key;
    this.server = server;
  }

  public static CatalogTokens start() {
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
      return new CatalogTokens(key, server);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String jwksUri() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
  }

  public String customer() {
    return sign(claims("user-" + UUID.randomUUID()).claim("roles", List.of("CUSTOMER")));
  }

  public String admin() {
    return sign(claims("admin-1").claim("roles", List.of("CUSTOMER", "ADMIN")));
  }

  /** A service client's token (client credentials): {@code scope} instead of roles. */
  public String service(String scope) {
    return sign(claims("order-service").claim("scope", scope));
  }

  private static JWTClaimsSet.Builder claims(String subject) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .subject(subject)
        .issuer(TestTokens.ISSUER)
        .audience(TestTokens.AUDIENCE)
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(900)));
  }

  private String sign(JWTClaimsSet.Builder claims) {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
            claims.build());
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
