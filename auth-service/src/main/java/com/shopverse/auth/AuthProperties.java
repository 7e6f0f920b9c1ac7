package com.shopverse.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param issuer the {@code iss} of every token this service signs
 * @param audience the {@code aud} of every token
 * @param accessTokenTtl how long an access token is valid
 */
@ConfigurationProperties("shopverse.auth")
public record AuthProperties(String issuer, String audience, Duration accessTokenTtl) {}
