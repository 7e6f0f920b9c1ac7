package com.shopverse.gateway;

import com.shopverse.defaults.JwtValidation;
import com.shopverse.defaults.SecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * The gateway checks every token before a request reaches a service: RS256 only, key from
 * auth-service's JWKS, issuer, audience, expiry and not-before. Public routes need no token, but a
 * token sent to them is still checked. The services check again (zero trust).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  ReactiveJwtDecoder jwtDecoder(SecurityProperties properties) {
    NimbusReactiveJwtDecoder decoder =
        NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString())
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .build();
    decoder.setJwtValidator(JwtValidation.validator(properties));
    return decoder;
  }

  @Bean
  SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        // Stateless: the default repository keeps each request's security context in a new
        // in-memory WebSession, created on another thread pool — that alone capped the gateway at
        // a few hundred requests/s on two cores.
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .authorizeExchange(
            exchange ->
                exchange
                    .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus")
                    .permitAll()
                    .pathMatchers(HttpMethod.POST, "/api/auth/register", "/api/auth/login")
                    .permitAll()
                    // Recommendations serve anonymous shoppers too (cold start, or their session
                    // by X-Anonymous-Id); a token, when sent, is checked and names the shopper.
                    .pathMatchers(HttpMethod.GET, "/api/catalog/**", "/api/recommendations/**")
                    .permitAll()
                    // Anonymous shoppers send events too; event-ingest then requires an
                    // anonymousId.
                    .pathMatchers(HttpMethod.POST, "/api/events", "/api/events/batch")
                    .permitAll()
                    .anyExchange()
                    .authenticated())
        .oauth2ResourceServer(rs -> rs.jwt(Customizer.withDefaults()))
        .build();
  }
}
