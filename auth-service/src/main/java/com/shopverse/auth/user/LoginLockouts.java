package com.shopverse.auth.user;

import com.shopverse.auth.AuthProperties;
import com.shopverse.auth.AuthProperties.Lockout;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Brute-force protection: after {@code maxFailures} consecutive failures an email is locked for
 * {@code base}, doubling with each further lockout up to {@code max}. Every change is one SQL
 * statement on the row, so concurrent failures (from any replica) all count, and the database's
 * clock decides when a lock ends.
 */
@Component
class LoginLockouts {

  private final JdbcClient jdbc;
  private final Lockout lockout;

  LoginLockouts(JdbcClient jdbc, AuthProperties properties) {
    this.jdbc = jdbc;
    this.lockout = properties.lockout();
  }

  /** How long the email stays locked; empty when it is not. */
  Optional<Duration> lockedFor(String email) {
    return jdbc.sql(
            """
            SELECT EXTRACT(EPOCH FROM (locked_until - now())) FROM login_lockouts
             WHERE email_key = ? AND locked_until > now()""")
        .param(key(email))
        .query((rs, n) -> seconds(rs.getDouble(1)))
        .optional();
  }

  /** Counts a failure; the lockout it started, if it was the last one allowed. */
  Optional<Duration> failed(String email) {
    String key = key(email);
    jdbc.sql("INSERT INTO login_lockouts (email_key) VALUES (?) ON CONFLICT DO NOTHING")
        .param(key)
        .update();
    // The CASEs all read the row as it was: one failure too many locks and restarts the count.
    return jdbc.sql(
            """
            UPDATE login_lockouts SET
              failures = CASE WHEN failures + 1 >= :max THEN 0 ELSE failures + 1 END,
              lockouts = CASE WHEN failures + 1 >= :max THEN lockouts + 1 ELSE lockouts END,
              locked_until = CASE WHEN failures + 1 >= :max
                THEN GREATEST(locked_until, now() + make_interval(secs =>
                       LEAST(:base * power(2, LEAST(lockouts, 30)), :cap)))
                ELSE locked_until END,
              updated_at = now()
             WHERE email_key = :key
            RETURNING failures = 0 AND locked_until > now(),
                      EXTRACT(EPOCH FROM (locked_until - now()))""")
        .param("max", lockout.maxFailures())
        .param("base", lockout.base().toMillis() / 1000.0)
        .param("cap", lockout.max().toMillis() / 1000.0)
        .param("key", key)
        .query(
            (rs, n) ->
                rs.getBoolean(1)
                    ? Optional.of(seconds(rs.getDouble(2)))
                    : Optional.<Duration>empty())
        .single();
  }

  /**
   * Clears the count after a right password; false if the email got locked meanwhile (by failures
   * that raced with this login), and then the login must be refused.
   */
  boolean succeeded(String email) {
    String key = key(email);
    int cleared =
        jdbc.sql(
                """
                DELETE FROM login_lockouts
                 WHERE email_key = ? AND (locked_until IS NULL OR locked_until <= now())""")
            .param(key)
            .update();
    return cleared == 1 || lockedFor(email).isEmpty();
  }

  /** Forgets emails nobody has tried for a day (a spray of random emails must not pile up). */
  @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
  void purgeIdle() {
    jdbc.sql(
            """
            DELETE FROM login_lockouts
             WHERE updated_at < now() - interval '1 day'
               AND (locked_until IS NULL OR locked_until < now())""")
        .update();
  }

  private static String key(String email) {
    return email.toLowerCase(Locale.ROOT);
  }

  private static Duration seconds(double seconds) {
    return Duration.ofMillis((long) Math.ceil(seconds * 1000));
  }
}
