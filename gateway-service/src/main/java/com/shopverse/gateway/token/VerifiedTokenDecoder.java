package com.shopverse.gateway.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every check on every token, and each one done once per distinct token.
 *
 * <p>In order: (1) length, before anything is parsed or decoded; (2) a cache of tokens this gateway
 * already verified; (3) on a miss, the header: RS256 and nothing else, a {@code kid} required, and
 * no {@code jku}, {@code x5u}, {@code jwk}, {@code x5c} or {@code crit} (a token must not tell us
 * where to find its key, and we understand no critical extension); (4) the signature with
 * auth-service's key for that kid ({@link JwksKeys}) and the claims ({@code iss}, {@code aud},
 * {@code exp}, {@code nbf} with a small skew) by Spring Security's Nimbus decoder.
 *
 * <p>Why the cache is safe: the key is the SHA-256 of the <em>whole</em> compact token — header,
 * payload and signature — so a hit means these exact bytes passed every check before; changing any
 * byte (a claim, the kid, the alg, the signature) gives another key and a full verification.
 * Neither a prefix nor the {@code jti} alone would do: two tokens sharing them could differ in the
 * rest. Each entry expires no later than the token's own {@code exp} (a Caffeine {@link Expiry}),
 * and a hit is checked against {@code exp} once more, so caching never extends a token's life. Only
 * successes are cached: a token that failed is checked again (and fails again) every time. The size
 * is bounded, so a flood of distinct valid tokens can only evict, never exhaust memory. What the
 * cache does not see — a key withdrawn from the JWKS before its tokens expire — the decoder did not
 * see either (it never re-checks a token), and auth-service keeps keys published until their tokens
 * have expired.
 */
public final class VerifiedTokenDecoder implements ReactiveJwtDecoder {

  private final int maxLength;
  private final JwksKeys keys;
  private final NimbusReactiveJwtDecoder verifier;
  private final Cache<ByteBuffer, Jwt> verified;

  public VerifiedTokenDecoder(
      JwksKeys keys, OAuth2TokenValidator<Jwt> validator, int maxLength, long cacheSize) {
    this.keys = keys;
    this.maxLength = maxLength;
    this.verifier =
        NimbusReactiveJwtDecoder.withJwkSource(this::keyFor)
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .build();
    this.verifier.setJwtValidator(validator);
    this.verified =
        Caffeine.newBuilder().maximumSize(cacheSize).expireAfter(new UntilExpiry()).build();
  }

  @Override
  public Mono<Jwt> decode(String token) throws JwtException {
    if (token.length() > maxLength) {
      return Mono.error(new BadJwtException("The token is longer than " + maxLength + " bytes"));
    }
    ByteBuffer digest = sha256(token);
    Jwt hit = verified.getIfPresent(digest);
    if (hit != null && hit.getExpiresAt().isAfter(Instant.now())) {
      return Mono.just(hit);
    }
    try {
      checkHeader(token);
    } catch (BadJwtException e) {
      return Mono.error(e);
    }
    return verifier.decode(token).doOnNext(jwt -> verified.put(digest, jwt));
  }

  /** How many verified tokens are cached now (approximate, for tests). */
  public long cachedTokens() {
    verified.cleanUp();
    return verified.estimatedSize();
  }

  private static void checkHeader(String token) {
    JWSHeader header;
    try {
      int dot = token.indexOf('.');
      if (dot <= 0) {
        throw new BadJwtException("The token is not a signed JWT");
      }
      header = JWSHeader.parse(new com.nimbusds.jose.util.Base64URL(token.substring(0, dot)));
    } catch (ParseException e) {
      throw new BadJwtException("The token header is malformed");
    }
    if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
      throw new BadJwtException("Only RS256 is accepted");
    }
    if (header.getJWKURL() != null
        || header.getX509CertURL() != null
        || header.getJWK() != null
        || header.getX509CertChain() != null
        || header.getCriticalParams() != null) {
      throw new BadJwtException("The token header names its own key or critical extensions");
    }
    if (header.getKeyID() == null || header.getKeyID().isEmpty()) {
      throw new BadJwtException("The token header has no kid");
    }
    JOSEObjectType type = header.getType();
    if (type != null && !JOSEObjectType.JWT.equals(type)) {
      throw new BadJwtException("The token type is not JWT");
    }
  }

  private Flux<JWK> keyFor(com.nimbusds.jwt.SignedJWT jwt) {
    return keys.key(jwt.getHeader().getKeyID()).cast(JWK.class).flux();
  }

  private static ByteBuffer sha256(String token) {
    try {
      return ByteBuffer.wrap(
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An entry lives until its token's {@code exp}, never longer; reads do not extend it. */
  private static final class UntilExpiry implements Expiry<ByteBuffer, Jwt> {

    @Override
    public long expireAfterCreate(ByteBuffer key, Jwt jwt, long currentTime) {
      return Math.max(0, Duration.between(Instant.now(), jwt.getExpiresAt()).toNanos());
    }

    @Override
    public long expireAfterUpdate(ByteBuffer key, Jwt jwt, long currentTime, long duration) {
      return expireAfterCreate(key, jwt, currentTime);
    }

    @Override
    public long expireAfterRead(ByteBuffer key, Jwt jwt, long currentTime, long duration) {
      return duration;
    }
  }
}
