package com.shopverse.auth.user;

import com.shopverse.defaults.ProblemDetailsAdvice;
import com.shopverse.defaults.ProblemException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A password encoder that lets only a bounded number of hashes run at once. A burst of logins then
 * queues for a slot (fairly, in arrival order) instead of allocating 19 MiB each, and one that
 * waits too long gets a 503 {@code hashing-busy} with {@code Retry-After}: the client may retry,
 * nothing was decided about its credentials, and the lockout counter is not touched.
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

  private final PasswordEncoder delegate;
  private final Semaphore slots;
  private final long maxWaitNanos;

  BoundedPasswordEncoder(PasswordEncoder delegate, int maxConcurrent, Duration maxWait) {
    this.delegate = delegate;
    this.slots = new Semaphore(maxConcurrent, true);
    this.maxWaitNanos = maxWait.toNanos();
  }

  @Override
  public String encode(CharSequence rawPassword) {
    return bounded(() -> delegate.encode(rawPassword));
  }

  @Override
  public boolean matches(CharSequence rawPassword, String encodedPassword) {
    return bounded(() -> delegate.matches(rawPassword, encodedPassword));
  }

  @Override
  public boolean upgradeEncoding(String encodedPassword) {
    return delegate.upgradeEncoding(encodedPassword);
  }

  private <T> T bounded(Supplier<T> hash) {
    acquire();
    try {
      return hash.get();
    } finally {
      slots.release();
    }
  }

  private void acquire() {
    try {
      if (slots.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw busy();
  }

  private static ProblemException busy() {
    ProblemDetail problem =
        ProblemDetailsAdvice.problem(
            HttpStatus.SERVICE_UNAVAILABLE,
            "hashing-busy",
            "Too many logins at once: try again in a second.");
    problem.setProperty("retryAfterSeconds", 1);
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, "1");
    return new ProblemException(problem, headers);
  }
}
