package com.shopverse.auth.token;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An RFC 6749 access token response; {@code scope} only for client-credentials tokens. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessToken(
    @JsonProperty("access_token") String accessToken,
    @JsonProperty("token_type") String tokenType,
    @JsonProperty("expires_in") long expiresIn,
    @JsonProperty("scope") String scope) {}
