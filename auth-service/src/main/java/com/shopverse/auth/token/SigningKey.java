package com.shopverse.auth.token;

import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

/** An RSA key pair and the {@code kid} that names it in token headers and the JWKS. */
record SigningKey(String kid, RSAPublicKey publicKey, RSAPrivateKey privateKey) {}
