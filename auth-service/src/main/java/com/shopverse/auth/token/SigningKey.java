package com.shopverse.auth.token;

import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;

/**
 * An RSA key pair, the {@code kid} that names it in token headers and the JWKS, and when it starts
 * signing (a rotated-in key is published before it signs, so every client's JWKS cache has it).
 */
record SigningKey(
    String kid, RSAPublicKey publicKey, RSAPrivateKey privateKey, Instant activatesAt) {}
