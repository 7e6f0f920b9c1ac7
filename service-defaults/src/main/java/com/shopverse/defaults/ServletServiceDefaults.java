package com.shopverse.defaults;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every servlet service is an OAuth2 resource server: a token is validated against auth-service's
 * JWKS with the algorithm pinned to RS256. Paths listed in {@code shopverse.security.public-paths}
 * need no token; everything else does.
 */
@AutoConfiguration(
    beforeName = {
      "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
@Import(ProblemDetailsAdvice.class)
public class ServletServiceDefaults {

  @Bean
  @ConditionalOnMissingBean
  JwtDecoder jwtDecoder(SecurityProperties properties) {
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString())
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .build();
    decoder.setJwtValidator(JwtValidation.validator(properties));
    return decoder;
  }

  /** Maps {@code roles} to {@code ROLE_*} and {@code scope} to {@code SCOPE_*} authorities. */
  @Bean
  @ConditionalOnMissingBean
  JwtAuthenticationConverter jwtAuthenticationConverter() {
    return JwtAuthorities.converter();
  }

  @Bean
  @ConditionalOnMissingBean
  SecurityFilterChain shopverseSecurityFilterChain(HttpSecurity http, SecurityProperties properties)
      throws Exception {
    String[] publicPaths = properties.publicPaths().toArray(String[]::new);
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        "/actuator/health/**", "/actuator/health", "/actuator/prometheus", "/error")
                    .permitAll()
                    .requestMatchers(publicPaths)
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        // 401/403 as problem details (the default is an empty body), same bodies as the gateway.
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(SecurityProblems.servletEntryPoint())
                    .accessDeniedHandler(SecurityProblems.servletAccessDeniedHandler()))
        .oauth2ResourceServer(
            rs ->
                rs.jwt(Customizer.withDefaults())
                    .authenticationEntryPoint(SecurityProblems.servletEntryPoint())
                    .accessDeniedHandler(SecurityProblems.servletAccessDeniedHandler()));
    return http.build();
  }
}
