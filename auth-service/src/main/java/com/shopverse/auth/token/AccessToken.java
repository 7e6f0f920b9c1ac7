package com.shopverse.auth.token;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An RFC 6749 §5.1 access token response; {@code scope} only for client-credentials tokens, {@code
 * refresh_token} only for shoppers' (login and refresh).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessToken(
    @JsonProperty("access_token") String accessToken,
    @JsonProperty("token_type") String tokenType,
    @JsonProperty("expires_in") long expiresIn,
    @JsonProperty("scope") String scope,
    @JsonProperty("refresh_token") String refreshToken) {

  public AccessToken withRefreshToken(String refreshToken) {
    return new AccessToken(accessToken, tokenType, expiresIn, scope, refreshToken);
  }

  /** Spring MVC logs response bodies at DEBUG: never a token, not even its first characters. */
  @Override
  public String toString() {
    return "AccessToken[token_type="
        + tokenType
        + ", expires_in="
        + expiresIn
        + ", scope="
        + scope
        + ", refresh_token="
        + (refreshToken == null ? "none" : "<redacted>")
        + "]";
  }
}
