package com.shopverse.gateway;

import static com.shopverse.gateway.access.RouteAccess.Require.ADMIN;
import static com.shopverse.gateway.access.RouteAccess.Require.ANYONE;
import static com.shopverse.gateway.access.RouteAccess.Require.AUTHENTICATED;
import static com.shopverse.gateway.access.RouteAccess.Require.NOBODY;

import com.shopverse.defaults.JwtAuthorities;
import com.shopverse.defaults.JwtValidation;
import com.shopverse.defaults.SecurityProblems;
import com.shopverse.defaults.SecurityProperties;
import com.shopverse.gateway.access.EdgeAuthenticationFilter;
import com.shopverse.gateway.access.RouteAccess;
import com.shopverse.gateway.token.JwksKeys;
import com.shopverse.gateway.token.VerifiedTokenDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The gateway checks every token before a request reaches a service (see {@link
 * VerifiedTokenDecoder}), decides by route who may call what (the table in docs/security.md),
 * answers 401/403 as problem details, sets the security headers and answers CORS. Public routes
 * need no token, but a token sent to them is still checked. The services check again (zero trust).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  @ConditionalOnProperty(
      name = "shopverse.gateway.security.enabled",
      havingValue = "true",
      matchIfMissing = true)
  VerifiedTokenDecoder jwtDecoder(
      SecurityProperties properties, GatewaySecurityProperties gateway) {
    GatewaySecurityProperties.Token token = gateway.token();
    JwksKeys keys =
        new JwksKeys(
            WebClient.create(),
            properties.jwkSetUri().toString(),
            token.jwksRefetchInterval(),
            token.jwksMaxAge());
    return new VerifiedTokenDecoder(
        keys,
        JwtValidation.validator(properties, token.clockSkew()),
        (int) token.maxSize().toBytes(),
        token.verifiedCacheSize());
  }

  @Bean
  @ConditionalOnProperty(
      name = "shopverse.gateway.security.enabled",
      havingValue = "true",
      matchIfMissing = true)
  SecurityWebFilterChain securityWebFilterChain(
      ServerHttpSecurity http, VerifiedTokenDecoder decoder, GatewaySecurityProperties gateway) {
    ServerAuthenticationEntryPoint entryPoint = entryPoint();
    ServerAccessDeniedHandler accessDenied = accessDenied();
    // Roles to ROLE_*, scopes to SCOPE_*, as in the services.
    var authorities = JwtAuthorities.converter();
    EdgeAuthenticationFilter edge =
        new EdgeAuthenticationFilter(
            routes(),
            decoder,
            authorities::convert,
            (int) gateway.token().maxSize().toBytes(),
            entryPoint,
            accessDenied);
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        // Stateless: the default repository keeps each request's security context in a new
        // in-memory WebSession, created on another thread pool — that alone capped the gateway at
        // a few hundred requests/s on two cores.
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
        .cors(cors -> cors.configurationSource(cors(gateway.cors())))
        .headers(headers -> headers(headers, gateway.hsts()))
        .exceptionHandling(
            e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
        // Every decision is the edge filter's (authentication and the access table, in one pass).
        // No authorizeExchange: its filter would only re-permit what the edge filter let through.
        .addFilterAt(edge, SecurityWebFiltersOrder.AUTHENTICATION)
        .build();
  }

  /**
   * Who may call what (the table in docs/security.md). Order matters: the first match wins, so the
   * narrow admin and service-to-service rules come before the broad public ones.
   */
  static RouteAccess routes() {
    Set<HttpMethod> any = Set.of();
    Set<HttpMethod> writes =
        Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    return new RouteAccess()
        .rule(ANYONE, any, "/actuator/health", "/actuator/health/**", "/actuator/prometheus")
        // Stock reservations are order-service's business with catalog-service, over the internal
        // network with its own client-credentials token: never from outside.
        .rule(NOBODY, any, "/api/catalog/reservations", "/api/catalog/reservations/**")
        .rule(ADMIN, any, "/api/auth/admin", "/api/auth/admin/**")
        .rule(ADMIN, writes, "/api/catalog/products", "/api/catalog/products/**")
        .rule(ADMIN, Set.of(HttpMethod.POST), "/api/orders/*/ship", "/api/orders/*/deliver")
        // Register, login, token, refresh, logout: each carries its own credential (password,
        // refresh token) that auth-service checks.
        .rule(ANYONE, Set.of(HttpMethod.POST), "/api/auth/**")
        // Recommendations serve anonymous shoppers too (cold start, or their session by
        // X-Anonymous-Id); a token, when sent, is checked and names the shopper.
        .rule(ANYONE, Set.of(HttpMethod.GET), "/api/catalog/**", "/api/recommendations/**")
        // Anonymous shoppers send events too; event-ingest then requires an anonymousId.
        .rule(ANYONE, Set.of(HttpMethod.POST), "/api/events", "/api/events/batch")
        .otherwise(AUTHENTICATED);
  }

  /**
   * Headers for an API that no browser should render, frame or cache when personal. HSTS is written
   * whatever the scheme here: TLS ends in front of the gateway, and Spring's own writer would only
   * send it on https.
   */
  private static void headers(
      ServerHttpSecurity.HeaderSpec headers, GatewaySecurityProperties.Hsts hsts) {
    // One synchronous writer for all of them: Spring's writers each run as a step of a reactive
    // pipeline on every response. Set, not added: a service cannot weaken them.
    headers
        .contentTypeOptions(c -> c.disable())
        .frameOptions(f -> f.disable())
        .xssProtection(x -> x.disable())
        .hsts(h -> h.disable())
        .cache(c -> c.disable())
        .writer(edgeHeaders(hsts));
  }

  private static ServerHttpHeadersWriter edgeHeaders(GatewaySecurityProperties.Hsts hsts) {
    String transportSecurity =
        hsts.enabled() ? "max-age=" + hsts.maxAge().toSeconds() + " ; includeSubDomains" : null;
    return exchange -> {
      HttpHeaders response = exchange.getResponse().getHeaders();
      response.set("X-Content-Type-Options", "nosniff");
      response.set("X-Frame-Options", "DENY");
      response.set("Referrer-Policy", "no-referrer");
      response.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
      if (transportSecurity != null) {
        response.set("Strict-Transport-Security", transportSecurity);
      }
      // Spring's default marks every response uncacheable; catalog reads are public and carry
      // ETags, so only responses to a request with credentials get no-store.
      if (exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
        response.set(HttpHeaders.CACHE_CONTROL, "no-store");
        response.remove(HttpHeaders.EXPIRES);
        response.remove(HttpHeaders.PRAGMA);
      }
      return Mono.empty();
    };
  }

  /**
   * Exact origins only, no credentials (tokens travel in the Authorization header, not cookies). A
   * preflight is answered here without a token; a disallowed origin gets 403 and no CORS headers.
   */
  private static CorsConfigurationSource cors(GatewaySecurityProperties.Cors cors) {
    CorsConfiguration config = new CorsConfiguration();
    config.setAllowedOrigins(cors.allowedOrigins());
    config.addAllowedMethod(HttpMethod.GET);
    config.addAllowedMethod(HttpMethod.HEAD);
    config.addAllowedMethod(HttpMethod.POST);
    config.addAllowedMethod(HttpMethod.PUT);
    config.addAllowedMethod(HttpMethod.PATCH);
    config.addAllowedMethod(HttpMethod.DELETE);
    config.addAllowedHeader("*");
    config.setExposedHeaders(
        java.util.List.of(
            HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, "X-Request-Id"));
    config.setMaxAge(cors.maxAge());
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/**", config);
    return source;
  }

  /**
   * 401 with RFC 6750's challenge and a problem body. (Spring's bearer entry point completes the
   * response itself, so the challenge is written here.) The description is fixed: the client learns
   * that its token failed, not which check.
   */
  private static ServerAuthenticationEntryPoint entryPoint() {
    return (exchange, e) -> {
      boolean invalid = e instanceof InvalidBearerTokenException;
      ServerHttpResponse response = exchange.getResponse();
      response.setStatusCode(HttpStatus.UNAUTHORIZED);
      response
          .getHeaders()
          .set(
              HttpHeaders.WWW_AUTHENTICATE,
              invalid
                  ? "Bearer error=\"invalid_token\", error_description=\"The bearer token is"
                      + " invalid or has expired\""
                  : "Bearer");
      return write(response, SecurityProblems.unauthorized(invalid));
    };
  }

  private static ServerAccessDeniedHandler accessDenied() {
    return (exchange, e) -> {
      ServerHttpResponse response = exchange.getResponse();
      response.setStatusCode(HttpStatus.FORBIDDEN);
      response
          .getHeaders()
          .set(
              HttpHeaders.WWW_AUTHENTICATE,
              "Bearer error=\"insufficient_scope\", error_description=\"The token does not allow"
                  + " this request\"");
      return write(response, SecurityProblems.forbidden());
    };
  }

  private static Mono<Void> write(ServerHttpResponse response, String body) {
    return Mono.defer(
        () -> {
          response.getHeaders().set(HttpHeaders.CONTENT_TYPE, SecurityProblems.MEDIA_TYPE);
          DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
          return response.writeWith(Mono.just(buffer));
        });
  }

  /**
   * Spring Security observes each of its filters, the authentication and the authorization, as
   * observations of their own: with tracing on, half a dozen spans per request, which cost the
   * gateway more than the token check. The request itself is still observed (metrics and a trace
   * per request, by WebFlux and the gateway), and refusals are in its status.
   */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  /**
   * Spring Security's firewall checks every header value it hands out against a Unicode regex
   * (assigned, not a control character, or a tab) — on every read. For a 700-character bearer
   * token, read twice per request, that regex was the largest single cost of the whole gateway
   * (over a third of its CPU in a profile). Same rule, checked with a loop that decides ASCII
   * characters without the regex engine.
   */
  @Bean
  ServerWebExchangeFirewall firewall() {
    StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
    firewall.setAllowedHeaderValues(SecurityConfiguration::isAllowedHeaderValue);
    return firewall;
  }

  static boolean isAllowedHeaderValue(String value) {
    if (value == null) {
      return true; // an absent header
    }
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      boolean allowed =
          c < 0x80
              ? (c >= 0x20 && c != 0x7F) || c == '\t'
              : Character.isDefined(c) && !Character.isISOControl(c);
      if (!allowed) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }

  /**
   * Security off, for benchmarks only ({@code shopverse.gateway.security.enabled=false}): a chain
   * that matches no request, so no security filter runs at all — no token check, no headers, no
   * CORS. It measures what the whole security chain costs; never use it in front of real services.
   */
  @Bean
  @ConditionalOnProperty(name = "shopverse.gateway.security.enabled", havingValue = "false")
  SecurityWebFilterChain securityOffForBenchmarks(ServerHttpSecurity http) {
    ServerWebExchangeMatcher nothing = exchange -> ServerWebExchangeMatcher.MatchResult.notMatch();
    return http.securityMatcher(nothing).build();
  }
}
