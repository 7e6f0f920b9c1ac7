package com.shopverse.auth.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishes the public half of every signing key (RFC 7517), for the gateway and the services. */
@RestController
class JwksController {

  private final KeyRing keys;

  JwksController(KeyRing keys) {
    this.keys = keys;
  }

  @GetMapping("/.well-known/jwks.json")
  ResponseEntity<Map<String, Object>> jwks() {
    var jwks =
        new JWKSet(
            keys.all().stream()
                .map(
                    key ->
                        (com.nimbusds.jose.jwk.JWK)
                            new RSAKey.Builder(key.publicKey())
                                .keyID(key.kid())
                                .keyUse(KeyUse.SIGNATURE)
                                .algorithm(JWSAlgorithm.RS256)
                                .build())
                .toList());
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
        .body(jwks.toJSONObject(true));
  }
}
