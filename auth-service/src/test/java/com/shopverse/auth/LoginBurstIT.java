package com.shopverse.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.testsupport.LocalPostgres;
import com.shopverse.testsupport.TestHttp;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A burst of logins against a real PostgreSQL with one hashing slot: the ones that cannot get the
 * slot in time are told to come back (503 {@code hashing-busy}), none fails with another 5xx, and
 * the ones that got a slot were answered as usual.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "shopverse.auth.hashing.max-concurrent=1",
      "shopverse.auth.hashing.max-wait=50ms"
    })
class LoginBurstIT {

  static final LocalPostgres postgres = LocalPostgres.start();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> postgres.jdbcUrl() + "&currentSchema=auth");
  }

  @AfterAll
  static void stop() {
    postgres.close();
  }

  @Test
  void loginsBeyondTheHashingSlotsAreToldToRetryNeverAServerError() throws Exception {
    TestHttp http = new TestHttp(port);
    ExecutorService burst = Executors.newFixedThreadPool(24);
    List<HttpResponse<String>> answers = new ArrayList<>();
    try {
      List<Future<HttpResponse<String>>> logins = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        String body =
            "{\"email\":\"burst-" + i + "@example.com\",\"password\":\"correct horse battery\"}";
        logins.add(burst.submit(() -> http.post("/api/auth/login", body)));
      }
      for (Future<HttpResponse<String>> login : logins) {
        answers.add(login.get(60, TimeUnit.SECONDS));
      }
    } finally {
      burst.shutdownNow();
    }

    assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(401, 503).contains(401);
    List<HttpResponse<String>> busy =
        answers.stream().filter(answer -> answer.statusCode() == 503).toList();
    assertThat(busy).isNotEmpty();
    assertThat(busy)
        .allSatisfy(
            answer -> {
              assertThat(answer.body()).contains("hashing-busy");
              assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
              assertThat(answer.headers().firstValue("content-type"))
                  .hasValue("application/problem+json");
            });
  }
}
