package com.shopverse.auth;

import static com.shopverse.auth.AuthClient.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.shopverse.testsupport.LocalPostgres;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Brute-force login lockout with back-off, per email, against a real PostgreSQL. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "shopverse.auth.lockout.max-failures=3",
      "shopverse.auth.lockout.base=2s",
      "shopverse.auth.lockout.max=5s"
    })
class LoginLockoutIT {

  static final LocalPostgres postgres = LocalPostgres.start();
  static final String WRONG = "not-the-password-1";

  @LocalServerPort int port;
  AuthClient auth;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> postgres.jdbcUrl() + "&currentSchema=auth");
  }

  @AfterAll
  static void stop() {
    postgres.close();
  }

  @BeforeEach
  void client() {
    auth = new AuthClient(port);
  }

  @Test
  void locksTheAccountAfterConsecutiveFailuresEvenForTheRightPassword() {
    String email = registered();
    assertThat(auth.login(email, WRONG).statusCode()).isEqualTo(401);
    assertThat(auth.login(email, WRONG).statusCode()).isEqualTo(401);

    HttpResponse<String> third = auth.login(email, WRONG);
    assertThat(third.statusCode()).isEqualTo(429);
    assertThat(retryAfter(third)).isBetween(1L, 2L);

    HttpResponse<String> right = auth.login(email, PASSWORD);
    assertThat(right.statusCode()).isEqualTo(429);
    assertThat(right.headers().firstValue("content-type")).hasValue("application/problem+json");
    assertThat(right.body()).contains("https://shopverse.dev/problems/login-locked");
    assertThat(retryAfter(right)).isBetween(1L, 2L);
    assertThat(auth.http().get("/actuator/prometheus").body())
        .contains(
            "shopverse_auth_logins_total{application=\"auth-service\",outcome=\"locked\"}",
            "outcome=\"failure\"");

    // The lock ends by itself and the right password works again.
    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> auth.login(email, PASSWORD).statusCode() == 200);
  }

  @Test
  void doublesTheLockoutOnEachFurtherLockoutUpToTheCap() throws Exception {
    String email = registered();
    HttpResponse<String> first = lockOut(email);
    assertThat(retryAfter(first)).isEqualTo(2);
    waitOut(first);
    HttpResponse<String> second = lockOut(email);
    assertThat(retryAfter(second)).isEqualTo(4);
    waitOut(second);
    assertThat(retryAfter(lockOut(email))).isEqualTo(5); // 8 s, capped at 5 s
  }

  @Test
  void aSuccessfulLoginResetsTheCountAndTheBackOff() {
    String email = registered();
    auth.login(email, WRONG);
    auth.login(email, WRONG);
    assertThat(auth.login(email, PASSWORD).statusCode()).isEqualTo(200);

    auth.login(email, WRONG);
    auth.login(email, WRONG);
    assertThat(auth.login(email, PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void countsConcurrentFailures() throws Exception {
    String email = registered();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> attempts = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        attempts.add(
            pool.submit(
                () -> {
                  start.await();
                  return auth.login(email, WRONG).statusCode();
                }));
      }
      start.countDown();
      for (Future<Integer> attempt : attempts) {
        assertThat(attempt.get()).isIn(401, 429);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(auth.login(email, PASSWORD).statusCode()).isEqualTo(429);
  }

  @Test
  void anUnknownEmailAnswersAndLocksExactlyLikeAWrongPassword() {
    String known = registered();
    String unknown = AuthClient.newEmail();

    HttpResponse<String> wrong = auth.login(known, WRONG);
    HttpResponse<String> nobody = auth.login(unknown, WRONG);
    assertThat(nobody.statusCode()).isEqualTo(wrong.statusCode()).isEqualTo(401);
    assertThat(nobody.body()).isEqualTo(wrong.body());

    auth.login(unknown, WRONG);
    HttpResponse<String> third = auth.login(unknown, WRONG);
    assertThat(third.statusCode()).isEqualTo(429);
    assertThat(retryAfter(third)).isEqualTo(2);
  }

  @Test
  void anUnknownEmailTakesAsLongAsAWrongPassword() {
    // Without the decoy hash an unknown email answers in about a millisecond, a wrong password
    // after one Argon2id check (tens of ms): the medians would differ by far more than this bound.
    long[] wrong = new long[5];
    long[] nobody = new long[5];
    for (int i = 0; i < 5; i++) {
      String known = registered();
      wrong[i] = timed(known);
      nobody[i] = timed(AuthClient.newEmail());
    }
    assertThat(median(nobody)).isGreaterThan(median(wrong) / 3);
  }

  private long timed(String email) {
    long start = System.nanoTime();
    assertThat(auth.login(email, WRONG).statusCode()).isEqualTo(401);
    return System.nanoTime() - start;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private HttpResponse<String> lockOut(String email) {
    assertThat(auth.login(email, WRONG).statusCode()).isEqualTo(401);
    assertThat(auth.login(email, WRONG).statusCode()).isEqualTo(401);
    HttpResponse<String> third = auth.login(email, WRONG);
    assertThat(third.statusCode()).isEqualTo(429);
    return third;
  }

  /** Waits out the lockout as a client would: for Retry-After seconds. */
  private static void waitOut(HttpResponse<String> locked) throws InterruptedException {
    Thread.sleep(retryAfter(locked) * 1000 + 100);
  }

  private String registered() {
    String email = AuthClient.newEmail();
    assertThat(auth.register(email, PASSWORD).statusCode()).isEqualTo(201);
    return email;
  }

  private static long retryAfter(HttpResponse<String> response) {
    return Long.parseLong(response.headers().firstValue("retry-after").orElseThrow());
  }
}
