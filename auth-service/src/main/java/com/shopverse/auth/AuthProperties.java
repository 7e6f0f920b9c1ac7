package com.shopverse.auth;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Everything auth-service can be told; {@code application.yml} maps each to an environment
 * variable. A missing value gets the default named here, so a test need set only what it changes.
 *
 * @param issuer the {@code iss} of every token this service signs
 * @param audience the {@code aud} of every token
 * @param accessTokenTtl how long an access token is valid (shoppers' and services' alike)
 * @param refreshTokenTtl how long a refresh token may be used; each rotation starts a new period
 * @param clients the services that may get a token with the {@code client_credentials} grant
 * @param admins the ADMIN accounts created (or promoted) at start-up; never by registration
 * @param password what registration requires of a password
 * @param lockout how failed logins lock an account
 * @param keyRotationInterval how old the signing key may get before a new one replaces it
 * @param keyRefreshInterval how often each replica re-reads the keys (and checks whether one is
 *     due), so a rotation done by one replica reaches the others
 * @param keyActivationDelay how long a rotated-in key is published before it signs (longer than the
 *     clients' JWKS caches); an admin's rotation may choose another delay
 * @param clockSkew how late a resource server may still accept an expired token (Spring Security's
 *     default is 60 s); a retired key stays published that much longer
 */
@ConfigurationProperties("shopverse.auth")
public record AuthProperties(
    String issuer,
    String audience,
    Duration accessTokenTtl,
    Duration refreshTokenTtl,
    List<Client> clients,
    List<Admin> admins,
    Password password,
    Lockout lockout,
    Duration keyRotationInterval,
    Duration keyRefreshInterval,
    Duration keyActivationDelay,
    Duration clockSkew) {

  public AuthProperties {
    accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(15) : accessTokenTtl;
    refreshTokenTtl = refreshTokenTtl == null ? Duration.ofDays(30) : refreshTokenTtl;
    clients = clients == null ? List.of() : List.copyOf(clients);
    // A list entry whose email is blank is an unset environment variable, not an admin.
    admins =
        admins == null
            ? List.of()
            : admins.stream().filter(a -> a.email() != null && !a.email().isBlank()).toList();
    password = password == null ? new Password(0) : password;
    lockout = lockout == null ? new Lockout(0, null, null) : lockout;
    keyRotationInterval = keyRotationInterval == null ? Duration.ofDays(30) : keyRotationInterval;
    keyRefreshInterval = keyRefreshInterval == null ? Duration.ofMinutes(1) : keyRefreshInterval;
    // Longer than the clients' JWKS caches (5 min in the gateway and the services): a rotated-in
    // key is in every cache before the first token it signs arrives.
    keyActivationDelay = keyActivationDelay == null ? Duration.ofMinutes(6) : keyActivationDelay;
    clockSkew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
  }

  /**
   * How long a retired key must stay in the JWKS: the last token it signed may be signed up to one
   * refresh interval after the rotation (by a replica that has not yet re-read the keys), lives one
   * access-token TTL, and is accepted for one clock skew past its {@code exp}.
   */
  public Duration retiredKeyRetention() {
    return accessTokenTtl.plus(keyRefreshInterval).plus(clockSkew);
  }

  /**
   * A service client (RFC 6749 §2): who it is, how it proves it, what it may ask for.
   *
   * @param id the {@code client_id}, and the {@code sub} of its tokens
   * @param secretHash the client secret, hashed with the same Argon2id encoder as passwords
   * @param scopes the scopes the client may request; a request without {@code scope} gets all
   */
  public record Client(String id, String secretHash, Set<String> scopes) {

    public Client {
      scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    /** Never the secret's hash, wherever the properties get printed. */
    @Override
    public String toString() {
      return "Client[id=" + id + ", scopes=" + scopes + "]";
    }
  }

  /**
   * An administrator. Give exactly one of {@code passwordHash} (Argon2id, for anything but a
   * laptop) or {@code password} (plain, from the environment, for local development).
   */
  public record Admin(String email, String passwordHash, String password) {

    public Admin {
      passwordHash = passwordHash == null || passwordHash.isBlank() ? null : passwordHash;
      password = password == null || password.isBlank() ? null : password;
    }

    /** Never the password or its hash, wherever the properties get printed. */
    @Override
    public String toString() {
      return "Admin[email=<redacted>]";
    }
  }

  /**
   * @param minLength the shortest password registration accepts
   */
  public record Password(int minLength) {

    public Password {
      minLength = minLength <= 0 ? 10 : minLength;
    }
  }

  /**
   * @param maxFailures consecutive failed logins that lock an account
   * @param base how long the first lockout lasts; each further one (without a success between)
   *     lasts twice as long as the one before
   * @param max the longest a lockout lasts
   */
  public record Lockout(int maxFailures, Duration base, Duration max) {

    public Lockout {
      maxFailures = maxFailures <= 0 ? 5 : maxFailures;
      base = base == null ? Duration.ofSeconds(30) : base;
      max = max == null ? Duration.ofMinutes(15) : max;
    }
  }
}
