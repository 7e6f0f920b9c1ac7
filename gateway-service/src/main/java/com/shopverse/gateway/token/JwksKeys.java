package com.shopverse.gateway.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * auth-service's signing keys, by {@code kid}, fetched from its JWKS and kept in memory.
 *
 * <p>Why not Spring Security's default: its reactive JWK source fetches the JWKS again for
 * <em>every</em> token whose {@code kid} it does not know, so a flood of tokens with random kids
 * becomes a flood of JWKS requests to auth-service. Here a fetch happens (a) the first time, (b)
 * when the set is older than {@code maxAge}, or (c) for an unknown kid — and never more often than
 * once per {@code minInterval}, whatever the reason; concurrent requests share one fetch. Between
 * fetches an unknown kid is simply unknown (401). A kid is only ever looked up in this map: it is
 * never a path, a URL or a query.
 */
public final class JwksKeys {

  private static final Logger log = LoggerFactory.getLogger(JwksKeys.class);

  private record Snapshot(Map<String, RSAKey> keys, long fetchedAt) {}

  private final WebClient web;
  private final String uri;
  private final long minInterval;
  private final long maxAge;
  private final LongSupplier clock;
  private final AtomicReference<Snapshot> current = new AtomicReference<>();
  private final AtomicReference<Mono<Snapshot>> inFlight = new AtomicReference<>();
  private final AtomicInteger fetches = new AtomicInteger();
  private volatile long lastAttempt = Long.MIN_VALUE;

  public JwksKeys(WebClient web, String uri, Duration minInterval, Duration maxAge) {
    this(web, uri, minInterval, maxAge, System::nanoTime);
  }

  JwksKeys(WebClient web, String uri, Duration minInterval, Duration maxAge, LongSupplier clock) {
    this.web = web;
    this.uri = uri;
    this.minInterval = minInterval.toNanos();
    this.maxAge = maxAge.toNanos();
    this.clock = clock;
  }

  /** The RS256 signing key with this kid, or empty when auth-service does not publish it. */
  public Mono<RSAKey> key(String kid) {
    if (kid == null) {
      return Mono.empty();
    }
    Snapshot snapshot = current.get();
    long now = clock.getAsLong();
    boolean stale = snapshot == null || now - snapshot.fetchedAt() >= maxAge;
    RSAKey known = snapshot == null ? null : snapshot.keys().get(kid);
    if (known != null && !stale) {
      return Mono.just(known);
    }
    Mono<Snapshot> running = inFlight.get();
    if (running == null && recentlyFetched(now)) {
      return Mono.justOrEmpty(known); // refetched recently: the key is what we know now
    }
    // Join the fetch under way (the first requests all wait for the first fetch), or start one.
    return (running != null ? running : refresh(now)).mapNotNull(s -> s.keys().get(kid));
  }

  private boolean recentlyFetched(long now) {
    return lastAttempt != Long.MIN_VALUE && now - lastAttempt < minInterval;
  }

  /** How many JWKS fetches were started (for tests). */
  public int fetches() {
    return fetches.get();
  }

  private Mono<Snapshot> refresh(long now) {
    Mono<Snapshot> running = inFlight.get();
    if (running != null) {
      return running;
    }
    synchronized (this) {
      running = inFlight.get();
      if (running != null) {
        return running;
      }
      if (recentlyFetched(now)) {
        return Mono.justOrEmpty(current.get());
      }
      lastAttempt = now;
      Mono<Snapshot> fetch =
          Mono.defer(
                  () -> {
                    fetches.incrementAndGet();
                    return web.get().uri(uri).retrieve().bodyToMono(String.class);
                  })
              .timeout(Duration.ofSeconds(5))
              .map(body -> new Snapshot(parse(body), clock.getAsLong()))
              .doOnNext(current::set)
              .onErrorResume(
                  e -> {
                    // Keep the keys we had: auth-service being briefly away must not log
                    // everybody out. The next attempt waits for minInterval.
                    log.warn("JWKS fetch from {} failed: {}", uri, e.toString());
                    return Mono.justOrEmpty(current.get());
                  })
              .doFinally(signal -> inFlight.set(null))
              .cache();
      inFlight.set(fetch);
      return fetch;
    }
  }

  /** Only RSA signature keys usable with RS256 are kept. */
  private static Map<String, RSAKey> parse(String body) {
    try {
      return JWKSet.parse(body).getKeys().stream()
          .filter(k -> k instanceof RSAKey && k.getKeyID() != null)
          .filter(k -> k.getKeyUse() == null || KeyUse.SIGNATURE.equals(k.getKeyUse()))
          .filter(k -> k.getAlgorithm() == null || JWSAlgorithm.RS256.equals(k.getAlgorithm()))
          .map(JWK::toRSAKey)
          .collect(Collectors.toUnmodifiableMap(JWK::getKeyID, k -> k, (a, b) -> a));
    } catch (ParseException e) {
      throw new IllegalStateException("JWKS is not a JWK set", e);
    }
  }
}
