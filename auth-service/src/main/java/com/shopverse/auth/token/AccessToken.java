package com.shopverse.auth.token;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An RFC 6749 access token response. */
public record AccessToken(
    @JsonProperty("access_token") String accessToken,
    @JsonProperty("token_type") String tokenType,
    @JsonProperty("expires_in") long expiresIn) {}
