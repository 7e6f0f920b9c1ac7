package com.shopverse.auth;

import static com.shopverse.auth.AuthClient.field;
import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.testsupport.LocalPostgres;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What auth-service writes to its log while a shopper registers, logs in, refreshes and logs out:
 * JSON lines with the request's trace id, and neither the password, the email, nor a token. The web
 * and security frameworks log at DEBUG here, so a request's details would show if they leaked.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "logging.level.org.springframework.web=DEBUG",
      "logging.level.org.springframework.security=DEBUG",
      "logging.level.com.shopverse=DEBUG"
    })
@ExtendWith(OutputCaptureExtension.class)
class NoSecretsInLogsIT {

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
  void logsTraceIdsButNoPasswordEmailOrTokenDuringRegisterLoginRefreshAndLogout(
      CapturedOutput output) {
    AuthClient auth = new AuthClient(port);
    String email = AuthClient.newEmail();
    assertThat(auth.register(email, AuthClient.PASSWORD).statusCode()).isEqualTo(201);
    HttpResponse<String> login = auth.login(email, AuthClient.PASSWORD);
    assertThat(login.statusCode()).isEqualTo(200);
    HttpResponse<String> wrong = auth.login(email, AuthClient.PASSWORD + "-wrong");
    assertThat(wrong.statusCode()).isEqualTo(401);
    String access = field(login.body(), "access_token");
    String refresh = field(login.body(), "refresh_token");
    HttpResponse<String> refreshed = auth.refresh(refresh);
    assertThat(refreshed.statusCode()).isEqualTo(200);
    String rotated = field(refreshed.body(), "refresh_token");
    String secondAccess = field(refreshed.body(), "access_token");
    assertThat(auth.logout(rotated).statusCode()).isLessThan(300);

    String log = output.getAll();
    List<String> requestLines =
        Arrays.stream(log.split("\n"))
            .filter(line -> line.startsWith("{") && line.contains("/api/auth/"))
            .toList();
    assertThat(requestLines).as("request log lines at DEBUG").isNotEmpty();
    assertThat(requestLines)
        .allSatisfy(line -> assertThat(line).containsPattern("\"traceId\":\"[0-9a-f]{32}\""));
    String localPart = email.substring(0, email.indexOf('@'));
    assertThat(log)
        .doesNotContain(AuthClient.PASSWORD)
        .doesNotContain(localPart)
        // Not even a truncated token: the start of the claims, the signature, a refresh token's
        // head.
        .doesNotContain(claims(access))
        .doesNotContain(claims(secondAccess))
        .doesNotContain(access.substring(access.lastIndexOf('.') + 1))
        .doesNotContain(refresh.substring(0, 12))
        .doesNotContain(rotated.substring(0, 12));
  }

  /** The first characters of a JWT's claims segment (its header is the same for every token). */
  private static String claims(String jwt) {
    String payload = jwt.split("\\.")[1];
    return payload.substring(0, Math.min(24, payload.length()));
  }
}
