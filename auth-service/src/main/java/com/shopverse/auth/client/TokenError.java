package com.shopverse.auth.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An RFC 6749 §5.2 error response. */
record TokenError(
    @JsonProperty("error") String error, @JsonProperty("error_description") String description) {}
