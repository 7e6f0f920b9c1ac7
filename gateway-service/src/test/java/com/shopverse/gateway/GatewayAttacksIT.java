package com.shopverse.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.shopverse.testsupport.TestHttp;
import com.shopverse.testsupport.TestTokens;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Each known attack on bearer tokens, against the real gateway in front of a backend that records
 * what reaches it: every one is refused with the right status and reaches no backend.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayAttacksIT {

  static final Duration REFETCH = Duration.ofSeconds(2);
  static final Duration SKEW = Duration.ofSeconds(1);
  static final TestTokens tokens = TestTokens.start();
  static final TestBackend backend = new TestBackend();
  static final AtomicInteger evilRequests = new AtomicInteger();
  static final RSAKey evilKey = generate();
  static final HttpServer evil = evilJwks();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    backend.route(registry);
    registry.add("shopverse.security.jwk-set-uri", tokens::jwksUri);
    registry.add("shopverse.gateway.security.token.jwks-refetch-interval", REFETCH::toString);
    registry.add("shopverse.gateway.security.token.clock-skew", SKEW::toString);
  }

  @BeforeEach
  void forget() {
    backend.forget();
  }

  @AfterAll
  static void stop() {
    backend.close();
    evil.stop(0);
    tokens.close();
  }

  @Test
  void refusesAnUnsignedTokenWithAlgNone() {
    String header = b64("{\"alg\":\"none\",\"kid\":\"" + tokens.keyId() + "\"}");
    String valid = tokens.customer("alice");
    refused(header + "." + valid.split("\\.")[1] + ".");
  }

  @Test
  void refusesHs256SignedWithThePublicKeyAsTheHmacSecret() throws Exception {
    byte[] publicKey = tokens.publicKey().toRSAPublicKey().getEncoded();
    SignedJWT confused =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(tokens.keyId()).build(),
            TestTokens.customerClaims("mallory", Duration.ofMinutes(5)).build());
    confused.sign(new MACSigner(publicKey));
    refused(confused.serialize());
  }

  @Test
  void refusesAnExpiredToken() {
    refused(tokens.sign(TestTokens.customerClaims("alice", Duration.ofSeconds(-10)).build()));
  }

  @Test
  void refusesATokenNotYetValid() {
    Instant now = Instant.now();
    refused(
        tokens.sign(
            TestTokens.customerClaims("alice", Duration.ofMinutes(10))
                .notBeforeTime(Date.from(now.plusSeconds(300)))
                .build()));
  }

  @Test
  void refusesTheWrongIssuerAndTheWrongAudience() {
    refused(
        tokens.sign(
            TestTokens.customerClaims("alice", Duration.ofMinutes(5))
                .issuer("http://evil")
                .build()));
    refused(
        tokens.sign(
            TestTokens.customerClaims("alice", Duration.ofMinutes(5))
                .audience("another-app")
                .build()));
  }

  @Test
  void refusesATamperedPayloadEvenWhenTheOriginalWasCachedAsValid() throws Exception {
    String valid = tokens.customer("alice");
    assertThat(http().get("/api/orders", valid).statusCode()).isEqualTo(200); // now cached
    backend.forget();
    String[] parts = valid.split("\\.");
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder(SignedJWT.parse(valid).getJWTClaimsSet())
            .subject("bob")
            .claim("roles", List.of("ADMIN"))
            .build();
    refused(parts[0] + "." + b64(claims.toString()) + "." + parts[2]);
  }

  @Test
  void refusesAnUnknownKidAndKidsHoldingAPathOrSql() {
    for (String kid : List.of(UUID.randomUUID().toString(), "../../etc/passwd", "' OR 1=1 --")) {
      refused(tokens.sign(header().keyID(kid).build(), validClaims()));
    }
  }

  @Test
  void refusesATokenWithoutKid() {
    refused(tokens.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), validClaims()));
  }

  @Test
  void neverFollowsAJkuOrX5uHeader() throws Exception {
    URI elsewhere = URI.create("http://127.0.0.1:" + evil.getAddress().getPort() + "/jwks.json");
    // Signed with the attacker's key, published at the attacker's URL...
    refused(signWithEvil(new JWSHeader.Builder(JWSAlgorithm.RS256).jwkURL(elsewhere)));
    refused(signWithEvil(new JWSHeader.Builder(JWSAlgorithm.RS256).x509CertURL(elsewhere)));
    // ...and signed with the real key: the header alone is reason enough to refuse.
    refused(tokens.sign(header().jwkURL(elsewhere).build(), validClaims()));
    refused(tokens.sign(header().x509CertURL(elsewhere).build(), validClaims()));
    assertThat(evilRequests.get()).isZero();
  }

  @Test
  void refusesAnEmbeddedJwkAnX5cChainOrACriticalHeader() throws Exception {
    refused(tokens.sign(header().jwk(tokens.publicKey()).build(), validClaims()));
    refused(
        tokens.sign(
            header()
                .x509CertChain(List.of(com.nimbusds.jose.util.Base64.encode("not a cert")))
                .build(),
            validClaims()));
    refused(
        tokens.sign(
            header().criticalParams(Set.of("exp-ext")).customParam("exp-ext", 1).build(),
            validClaims()));
  }

  @Test
  void refusesARefreshTokenUsedAsAnAccessToken() {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    refused(Base64.getUrlEncoder().withoutPadding().encodeToString(random));
  }

  @Test
  void refusesA16KbTokenBeforeParsingIt() {
    String valid = tokens.customer("alice");
    String huge = valid.split("\\.")[0] + "." + "A".repeat(16 * 1024) + "." + valid.split("\\.")[2];
    HttpResponse<String> response = refused(huge);
    assertThat(response.body()).contains("invalid-token");
  }

  @Test
  void refusesMalformedBase64InEachPart() {
    String[] parts = tokens.customer("alice").split("\\.");
    for (int i = 0; i < 3; i++) {
      String[] bad = parts.clone();
      bad[i] = "~~" + bad[i].substring(2) + "+/";
      refused(String.join(".", bad));
    }
  }

  @Test
  void forbidsACustomerOnEveryAdminRoute() {
    String alice = tokens.customer("alice");
    String admin = tokens.admin("root");
    List<String[]> adminRoutes =
        List.of(
            new String[] {"POST", "/api/catalog/products"},
            new String[] {"PUT", "/api/catalog/products/P00001"},
            new String[] {"DELETE", "/api/catalog/products/P00001"},
            new String[] {"POST", "/api/catalog/products/P00001/stock"},
            new String[] {"POST", "/api/orders/o-1/ship"},
            new String[] {"POST", "/api/orders/o-1/deliver"},
            new String[] {"GET", "/api/auth/admin/users"});
    for (String[] route : adminRoutes) {
      HttpResponse<String> response = http().send(route[0], route[1], "{}", alice);
      assertThat(response.statusCode()).as("%s %s", route[0], route[1]).isEqualTo(403);
      assertThat(response.body()).contains("https://shopverse.dev/problems/forbidden");
      assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
          .contains("insufficient_scope");
    }
    assertThat(backend.received()).isEmpty();
    for (String[] route : adminRoutes) {
      assertThat(http().send(route[0], route[1], "{}", admin).statusCode()).isEqualTo(200);
    }
    assertThat(backend.received()).hasSize(adminRoutes.size());
  }

  @Test
  void keepsStockReservationsServiceToServiceOnly() {
    for (String token :
        List.of(
            tokens.customer("alice"),
            tokens.admin("root"),
            tokens.service("order-service", "inventory"))) {
      assertThat(http().post("/api/catalog/reservations", "{}", token).statusCode()).isEqualTo(403);
    }
    assertThat(http().post("/api/catalog/reservations/r-1/confirm", "{}", null).statusCode())
        .isEqualTo(401);
    assertThat(backend.received()).isEmpty();
  }

  @Test
  void refusesACachedTokenOnceItHasExpired() throws Exception {
    String shortLived =
        tokens.sign(TestTokens.customerClaims("alice", Duration.ofSeconds(2)).build());
    assertThat(http().get("/api/orders", shortLived).statusCode()).isEqualTo(200);
    assertThat(http().get("/api/orders", shortLived).statusCode()).isEqualTo(200); // from the cache
    Instant exp = SignedJWT.parse(shortLived).getJWTClaimsSet().getExpirationTime().toInstant();
    sleepUntil(exp.plus(SKEW).plusMillis(500));
    backend.forget();
    refused(shortLived);
  }

  @Test
  void boundsJwksFetchesUnderAFloodOfUnknownKidsAndAcceptsARotatedKeyAfterOneRefetch()
      throws Exception {
    // Learn the current key, then let the refetch interval pass.
    assertThat(http().get("/api/orders", tokens.customer("alice")).statusCode()).isEqualTo(200);
    backend.forget();
    Thread.sleep(REFETCH.toMillis() + 300);
    int before = tokens.jwksFetches();
    for (int i = 0; i < 40; i++) {
      refused(tokens.sign(header().keyID("random-" + UUID.randomUUID()).build(), validClaims()));
    }
    // Spring Security's default JWK source would have fetched 40 times.
    assertThat(tokens.jwksFetches() - before).isEqualTo(1);

    Thread.sleep(REFETCH.toMillis() + 300);
    tokens.rotateKey();
    int beforeRotation = tokens.jwksFetches();
    String rotated = tokens.customer("alice");
    assertThat(http().get("/api/orders", rotated).statusCode()).isEqualTo(200);
    assertThat(http().get("/api/orders", tokens.customer("bob")).statusCode()).isEqualTo(200);
    assertThat(tokens.jwksFetches() - beforeRotation).isEqualTo(1);
  }

  /**
   * Refused with 401, as a problem with the bearer challenge, on a protected and a public route.
   */
  private HttpResponse<String> refused(String token) {
    HttpResponse<String> response = http().get("/api/orders", token);
    assertThat(response.statusCode()).as("protected route, token %s", token).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .startsWith("Bearer")
        .contains("invalid_token");
    assertThat(http().get("/api/catalog/products", token).statusCode())
        .as("public route")
        .isEqualTo(401);
    assertThat(backend.received()).as("nothing reaches a service").isEmpty();
    return response;
  }

  private static JWSHeader.Builder header() {
    return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(tokens.keyId()).type(JOSEObjectType.JWT);
  }

  private static JWTClaimsSet validClaims() {
    return TestTokens.customerClaims("alice", Duration.ofMinutes(5)).build();
  }

  private static String signWithEvil(JWSHeader.Builder header) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            header.keyID(evilKey.getKeyID()).build(),
            TestTokens.customerClaims("mallory", Duration.ofMinutes(5))
                .claim("roles", List.of("ADMIN"))
                .build());
    jwt.sign(new RSASSASigner(evilKey));
    return jwt.serialize();
  }

  private static String b64(String json) {
    return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static void sleepUntil(Instant instant) throws InterruptedException {
    long millis = Duration.between(Instant.now(), instant).toMillis();
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048).keyID("evil").algorithm(JWSAlgorithm.RS256).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The attacker's JWKS server: it counts every request, and must see none. */
  private static HttpServer evilJwks() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      byte[] jwks = new JWKSet(evilKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
      server.createContext(
          "/",
          exchange -> {
            evilRequests.incrementAndGet();
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
          });
      server.start();
      return server;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private TestHttp http() {
    return new TestHttp(port);
  }
}
