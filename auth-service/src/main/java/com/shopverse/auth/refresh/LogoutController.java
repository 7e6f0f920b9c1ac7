package com.shopverse.auth.refresh;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Logout ends the login: its refresh-token family is revoked. */
@RestController
class LogoutController {

  private final RefreshTokens tokens;

  LogoutController(RefreshTokens tokens) {
    this.tokens = tokens;
  }

  record Logout(@JsonProperty("refresh_token") @NotBlank String refreshToken) {

    /** Spring MVC logs request bodies at DEBUG: never the token. */
    @Override
    public String toString() {
      return "Logout[refresh_token=<redacted>]";
    }
  }

  /** 204 whether or not the token was known, so the endpoint tells no one which tokens exist. */
  @PostMapping("/api/auth/logout")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void logout(@Valid @RequestBody Logout logout) {
    tokens.revoke(logout.refreshToken());
  }
}
