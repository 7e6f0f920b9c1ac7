package com.shopverse.auth.user;

import com.shopverse.auth.refresh.RefreshTokens;
import com.shopverse.auth.token.AccessToken;
import com.shopverse.auth.token.TokenIssuer;
import com.shopverse.defaults.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
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

  AuthController(
      Users users, PasswordEncoder passwords, TokenIssuer tokens, RefreshTokens refreshTokens) {
    this.users = users;
    this.passwords = passwords;
    this.tokens = tokens;
    this.refreshTokens = refreshTokens;
  }

  /** A new account; the password must pass the {@link PasswordPolicy}. */
  @AcceptablePassword
  record Registration(
      @NotBlank @Email @Size(max = 320) String email, @NotBlank @Size(max = 128) String password) {}

  /** No policy here: it may change, and accounts made under an older one must still log in. */
  record Credentials(
      @NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 128) String password) {}

  record Registered(UUID id, String email) {}

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

  @PostMapping("/api/auth/login")
  AccessToken login(@Valid @RequestBody Credentials credentials) {
    return users
        .byEmail(credentials.email())
        .filter(user -> passwords.matches(credentials.password(), user.passwordHash()))
        .map(
            user ->
                tokens
                    .issue(user.id().toString(), user.email(), user.roles())
                    .withRefreshToken(refreshTokens.startFamily(user.id())))
        .orElseThrow(
            () ->
                new ProblemException(
                    HttpStatus.UNAUTHORIZED,
                    "invalid-credentials",
                    "Unknown email or wrong password."));
  }
}
