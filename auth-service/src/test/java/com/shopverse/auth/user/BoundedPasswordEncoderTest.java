package com.shopverse.auth.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopverse.defaults.ProblemException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Unit test: the delegate is a stand-in that records how many hashes run at once. */
class BoundedPasswordEncoderTest {

  @Test
  void neverRunsMoreHashesAtOnceThanItsSlots() throws Exception {
    CountingEncoder counting = new CountingEncoder(Duration.ofMillis(30));
    PasswordEncoder bounded = new BoundedPasswordEncoder(counting, 2, Duration.ofSeconds(30));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> hashes = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        hashes.add(pool.submit(() -> bounded.encode("a long enough password")));
      }
      for (Future<String> hash : hashes) {
        assertThat(hash.get(30, TimeUnit.SECONDS)).isEqualTo("hashed");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(counting.maxAtOnce.get()).isEqualTo(2);
  }

  @Test
  void answers503WithRetryAfterWhenNoSlotFreesInTime() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    PasswordEncoder blocking = new BlockingEncoder(entered, release);
    PasswordEncoder bounded = new BoundedPasswordEncoder(blocking, 1, Duration.ofMillis(50));
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Boolean> holder = pool.submit(() -> bounded.matches("pw", "hash"));
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
      assertThatThrownBy(() -> bounded.matches("pw", "hash"))
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> {
                assertThat(e.problem().getStatus()).isEqualTo(503);
                assertThat(e.problem().getType().toString()).endsWith("hashing-busy");
                assertThat(e.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
              });
      release.countDown();
      assertThat(holder.get(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void aFailingHashGivesItsSlotBack() {
    AtomicInteger calls = new AtomicInteger();
    PasswordEncoder failsOnce =
        new CountingEncoder(Duration.ZERO) {
          @Override
          public String encode(CharSequence raw) {
            if (calls.getAndIncrement() == 0) {
              throw new IllegalStateException("out of memory, say");
            }
            return super.encode(raw);
          }
        };
    PasswordEncoder bounded = new BoundedPasswordEncoder(failsOnce, 1, Duration.ofMillis(50));
    assertThatThrownBy(() -> bounded.encode("pw")).isInstanceOf(IllegalStateException.class);
    assertThat(bounded.encode("pw")).isEqualTo("hashed");
  }

  private static class CountingEncoder implements PasswordEncoder {
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger maxAtOnce = new AtomicInteger();
    private final Duration hashTime;

    CountingEncoder(Duration hashTime) {
      this.hashTime = hashTime;
    }

    @Override
    public String encode(CharSequence raw) {
      maxAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
      try {
        Thread.sleep(hashTime.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        running.decrementAndGet();
      }
      return "hashed";
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
      return encode(raw).equals(encoded);
    }
  }

  private record BlockingEncoder(CountDownLatch entered, CountDownLatch release)
      implements PasswordEncoder {
    @Override
    public String encode(CharSequence raw) {
      return "hashed";
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
      entered.countDown();
      try {
        return release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }
}
