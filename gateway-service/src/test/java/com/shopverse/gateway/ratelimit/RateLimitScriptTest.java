package com.shopverse.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scripting.support.ResourceScriptSource;

class RateLimitScriptTest {

  /** A script resource that counts how often it is asked whether it changed. */
  static final class CountingResource extends ByteArrayResource {
    final AtomicInteger lastModifiedCalls = new AtomicInteger();

    CountingResource(String text) {
      super(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public long lastModified() {
      lastModifiedCalls.incrementAndGet();
      return 1L;
    }
  }

  @Test
  void theLimitersScriptIsHashedOnceAndNeverAsksItsResourceAgainPerRequest() {
    CountingResource resource = new CountingResource("return {1, 9}");
    DefaultRedisScript<List> fromResource = new DefaultRedisScript<>();
    fromResource.setScriptSource(new ResourceScriptSource(resource));
    fromResource.setResultType(List.class);
    @SuppressWarnings({"unchecked", "rawtypes"})
    RedisScript<List<Long>> shipped = (RedisScript) fromResource;
    String sha = shipped.getSha1();

    RedisScript<List<Long>> loaded = RateLimitConfiguration.loadedOnce(shipped);
    int asked = resource.lastModifiedCalls.get();
    for (int request = 0; request < 100; request++) {
      assertThat(loaded.getSha1()).isEqualTo(sha);
    }

    assertThat(loaded.getScriptAsString()).isEqualTo("return {1, 9}");
    assertThat(loaded.getResultType()).isEqualTo(List.class);
    // The shipped bean would have asked on every one of these calls.
    assertThat(resource.lastModifiedCalls.get()).isEqualTo(asked);
    shipped.getSha1();
    assertThat(resource.lastModifiedCalls.get()).isGreaterThan(asked);
  }
}
