package com.shopverse.catalog;

import com.shopverse.defaults.ProblemDetailsAdvice;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what: anyone reads the catalog; {@code ADMIN} (role from auth-service's {@code roles}
 * claim) writes products and stock; reservations need the {@code inventory} scope (order-service's
 * client token) or {@code ADMIN}. Replaces service-defaults' chain, which only knows public paths;
 * token validation (RS256 via JWKS, iss, aud, exp) and the roles/scope mapping are still
 * service-defaults'. 401 and 403 carry problem details like every other error.
 */
@Configuration(proxyBeanMethods = false)
class CatalogSecurity {

  @Bean
  SecurityFilterChain catalogSecurityFilterChain(HttpSecurity http) throws Exception {
    var entryPoint = new BearerTokenAuthenticationEntryPoint();
    var accessDenied = new BearerTokenAccessDeniedHandler();
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        "/actuator/health/**", "/actuator/health", "/actuator/prometheus", "/error")
                    .permitAll()
                    .requestMatchers("/api/catalog/reservations", "/api/catalog/reservations/**")
                    .hasAnyAuthority("SCOPE_inventory", "ROLE_ADMIN")
                    .requestMatchers(HttpMethod.GET, "/api/catalog/**")
                    .permitAll()
                    .requestMatchers("/api/catalog/**")
                    .hasRole("ADMIN")
                    .anyRequest()
                    .authenticated())
        .oauth2ResourceServer(
            rs ->
                rs.jwt(Customizer.withDefaults())
                    .authenticationEntryPoint(
                        (request, response, e) -> {
                          entryPoint.commence(request, response, e);
                          problem(response, 401, "unauthorized", "A valid bearer token is needed.");
                        })
                    .accessDeniedHandler(
                        (request, response, e) -> {
                          accessDenied.handle(request, response, e);
                          problem(response, 403, "forbidden", "This token may not do that.");
                        }))
        .exceptionHandling(
            ex ->
                ex.authenticationEntryPoint(
                        (request, response, e) -> {
                          entryPoint.commence(request, response, e);
                          problem(response, 401, "unauthorized", "A valid bearer token is needed.");
                        })
                    .accessDeniedHandler(
                        (request, response, e) -> {
                          accessDenied.handle(request, response, e);
                          problem(response, 403, "forbidden", "This token may not do that.");
                        }));
    return http.build();
  }

  private static void problem(HttpServletResponse response, int status, String type, String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response
        .getOutputStream()
        .write(
            ("{\"type\":\""
                    + ProblemDetailsAdvice.TYPE_BASE
                    + type
                    + "\",\"title\":\""
                    + (status == 401 ? "Unauthorized" : "Forbidden")
                    + "\",\"status\":"
                    + status
                    + ",\"detail\":\""
                    + detail
                    + "\"}")
                .getBytes(StandardCharsets.UTF_8));
  }
}
