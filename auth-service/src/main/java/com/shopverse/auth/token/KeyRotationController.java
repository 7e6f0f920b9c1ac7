package com.shopverse.auth.token;

import com.shopverse.auth.AuthProperties;
import com.shopverse.defaults.ProblemDetailsAdvice;
import com.shopverse.defaults.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An admin rotates the signing key without waiting for the schedule. By default the new key is
 * published now and signs after {@code key-activation-delay}, so no client meets a token whose key
 * it has not cached yet; after a suspected leak {@code activateIn=PT0S} makes it sign at once (the
 * gateway and the services then fetch the JWKS again for the unknown kid, at their bounded rate).
 */
@RestController
class KeyRotationController {

  private static final Duration LONGEST_DELAY = Duration.ofDays(1);

  private final KeyRing keys;
  private final AuthProperties properties;

  KeyRotationController(KeyRing keys, AuthProperties properties) {
    this.keys = keys;
    this.properties = properties;
  }

  record Rotated(String kid, Instant activatesAt, List<String> published) {}

  /**
   * The role is checked here rather than with method security: an AccessDeniedException thrown in a
   * controller would reach the service-wide problem advice as an unexpected 500.
   */
  @PostMapping("/api/auth/admin/keys/rotate")
  Rotated rotate(Authentication caller, @RequestParam(required = false) String activateIn) {
    boolean admin =
        caller.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .anyMatch("ROLE_ADMIN"::equals);
    if (!admin) {
      throw new ProblemException(
          HttpStatus.FORBIDDEN, "forbidden", "Only an ADMIN may rotate the signing keys.");
    }
    SigningKey added = keys.rotate(delay(activateIn));
    return new Rotated(
        added.kid(), added.activatesAt(), keys.all().stream().map(SigningKey::kid).toList());
  }

  private Duration delay(String activateIn) {
    if (activateIn == null) {
      return properties.keyActivationDelay();
    }
    try {
      Duration delay = Duration.parse(activateIn);
      if (!delay.isNegative() && delay.compareTo(LONGEST_DELAY) <= 0) {
        return delay;
      }
    } catch (DateTimeParseException e) {
      // answered below
    }
    ProblemDetail problem =
        ProblemDetailsAdvice.problem(
            HttpStatus.BAD_REQUEST, "validation", "The request has invalid fields.");
    problem.setProperty(
        "errors",
        List.of(
            Map.of(
                "field",
                "activateIn",
                "message",
                "must be an ISO-8601 duration from PT0S to P1D, e.g. PT6M")));
    throw new ProblemException(problem, new HttpHeaders());
  }
}
