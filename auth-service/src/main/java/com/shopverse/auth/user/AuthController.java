package com.shopverse.auth.user;

import com.shopverse.auth.refresh.RefreshTokens;
import com.shopverse.auth.token.AccessToken;
import com.shopverse.auth.token.TokenIssuer;
import com.shopverse.defaults.ProblemDetailsAdvice;
import com.shopverse.defaults.ProblemException;
import com.shopverse.events.auth.LoginFailed;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Registration and password login (an access token and the first refresh token of a family). */
@RestController
class AuthController {

  private final Users users;
  private final PasswordEncoder passwords;
  private final TokenIssuer tokens;
  private final RefreshTokens refreshTokens;
  private final LoginLockouts lockouts;
  private final LoginFailures failures;
  private final TransactionTemplate tx;
  private final MeterRegistry meters;
  private final String decoyHash;

  AuthController(
      Users users,
      PasswordEncoder passwords,
      TokenIssuer tokens,
      RefreshTokens refreshTokens,
      LoginLockouts lockouts,
      LoginFailures failures,
      TransactionTemplate tx,
      MeterRegistry meters) {
    this.users = users;
    this.passwords = passwords;
    this.tokens = tokens;
    this.refreshTokens = refreshTokens;
    this.lockouts = lockouts;
    this.failures = failures;
    this.tx = tx;
    this.meters = meters;
    // Hashed once at start-up with the same encoder, so checking it costs what a real check does.
    this.decoyHash = passwords.encode("decoy-password-for-unknown-emails");
  }

  /** A new account; the password must pass the {@link PasswordPolicy}. */
  @AcceptablePassword
  record Registration(
      @NotBlank @Email @Size(max = 320) String email, @NotBlank @Size(max = 128) String password) {

    /** Spring MVC logs request bodies at DEBUG: never the email or the password. */
    @Override
    public String toString() {
      return "Registration[email=<redacted>, password=<redacted>]";
    }
  }

  /** No policy here: it may change, and accounts made under an older one must still log in. */
  record Credentials(
      @NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 128) String password) {

    @Override
    public String toString() {
      return "Credentials[email=<redacted>, password=<redacted>]";
    }
  }

  record Registered(UUID id, String email) {

    /** The id only: logs carry no personal data beyond ids. */
    @Override
    public String toString() {
      return "Registered[id=" + id + "]";
    }
  }

  @PostMapping("/api/auth/register")
  @ResponseStatus(HttpStatus.CREATED)
  Registered register(@Valid @RequestBody Registration credentials) {
    // Self-registration only ever creates customers; admins come from configuration.
    var user =
        new User(
            UUID.randomUUID(),
            credentials.email(),
            passwords.encode(credentials.password()),
            List.of("CUSTOMER"));
    if (!users.add(user)) {
      throw new ProblemException(
          HttpStatus.CONFLICT, "email-taken", "An account with this email exists.");
    }
    return new Registered(user.id(), user.email());
  }

  /**
   * Password login. An unknown email costs one Argon2 hash and answers exactly like a wrong
   * password; both count toward the email's lockout. While locked, even the right password gets 429
   * and no hash is computed (which is also what keeps a brute-force run cheap for us). Every
   * refusal is also a {@link LoginFailed} for the client ({@link LoginFailures}), committed with
   * the count.
   */
  @PostMapping("/api/auth/login")
  AccessToken login(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
    String email = credentials.email();
    String clientIp = LoginFailures.clientIp(request);
    Optional<Duration> locked = lockouts.lockedFor(email);
    if (locked.isPresent()) {
      tx.executeWithoutResult(s -> failures.record(clientIp, LoginFailed.LOCKED));
      throw locked(locked.get());
    }
    User user = users.byEmail(email).orElse(null);
    boolean right;
    if (user == null) {
      passwords.matches(credentials.password(), decoyHash); // the time a real check takes
      right = false;
    } else {
      right = passwords.matches(credentials.password(), user.passwordHash());
    }
    if (!right) {
      count("failure");
      Optional<Duration> nowLocked =
          tx.execute(
              s -> {
                failures.record(clientIp, LoginFailed.INVALID_CREDENTIALS);
                return lockouts.failed(email);
              });
      if (nowLocked.isPresent()) {
        throw locked(nowLocked.get());
      }
      throw new ProblemException(
          HttpStatus.UNAUTHORIZED, "invalid-credentials", "Unknown email or wrong password.");
    }
    if (!lockouts.succeeded(email)) {
      tx.executeWithoutResult(s -> failures.record(clientIp, LoginFailed.LOCKED));
      throw locked(lockouts.lockedFor(email).orElse(Duration.ofSeconds(1)));
    }
    count("success");
    return tokens
        .issue(user.id().toString(), user.email(), user.roles())
        .withRefreshToken(refreshTokens.startFamily(user.id()));
  }

  private ProblemException locked(Duration remaining) {
    count("locked");
    long seconds = Math.max(1, (remaining.toMillis() + 999) / 1000);
    ProblemDetail problem =
        ProblemDetailsAdvice.problem(
            HttpStatus.TOO_MANY_REQUESTS,
            "login-locked",
            "Too many failed logins for this email: try again in " + seconds + " s.");
    problem.setProperty("retryAfterSeconds", seconds);
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    return new ProblemException(problem, headers);
  }

  private void count(String outcome) {
    meters.counter("shopverse.auth.logins", "outcome", outcome).increment();
  }
}
