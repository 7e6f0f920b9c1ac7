package com.shopverse.auth.token;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.shopverse.defaults.JwtValidation;
import com.shopverse.defaults.SecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * auth-service validates tokens (for its admin endpoints) with the same rules as every service, but
 * against the key ring it publishes rather than over HTTP to itself: no start-up dependency on its
 * own port, and a rotation is seen the moment it happens.
 */
@Configuration(proxyBeanMethods = false)
class LocalJwtDecoder {

  @Bean
  JwtDecoder jwtDecoder(KeyRing keys, SecurityProperties properties) {
    JWKSource<SecurityContext> source = (selector, context) -> selector.select(keys.publicJwks());
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withJwkSource(source).jwsAlgorithm(SignatureAlgorithm.RS256).build();
    decoder.setJwtValidator(JwtValidation.validator(properties));
    return decoder;
  }
}
