package com.shopverse.gateway.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.shopverse.gateway.access.RouteAccess.Require;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Authentication and authorization at the gateway in one step, inside Spring Security's chain (so
 * the firewall, headers and CORS still apply, and downstream code finds the authentication in the
 * reactive security context as usual).
 *
 * <p>Why not Spring Security's resource-server and authorize-exchange filters: the benchmark showed
 * their generic reactive plumbing (matchers, converters, handlers, each a few operators per
 * request) costing the gateway more than the token check itself. Here a request is decided in one
 * pass: the route's rule, the bearer token (length and RFC 6750 characters first), the decoder
 * (every check, or a cache hit, see VerifiedTokenDecoder), the role. What is checked is unchanged;
 * every refusal goes through the same entry point (401) and access-denied handler (403).
 */
public final class EdgeAuthenticationFilter implements WebFilter {

  private static final String SCHEME = "Bearer ";

  private final RouteAccess routes;
  private final ReactiveJwtDecoder decoder;
  private final Function<Jwt, Authentication> authentication;
  private final int maxTokenLength;
  private final ServerAuthenticationEntryPoint entryPoint;
  private final ServerAccessDeniedHandler accessDenied;

  public EdgeAuthenticationFilter(
      RouteAccess routes,
      ReactiveJwtDecoder decoder,
      Function<Jwt, ? extends Authentication> authentication,
      int maxTokenLength,
      ServerAuthenticationEntryPoint entryPoint,
      ServerAccessDeniedHandler accessDenied) {
    this.routes = routes;
    this.decoder = decoder;
    // Authorities are computed once per verified Jwt: the decoder's cache hands out the same Jwt
    // instance for the same token, so an identity-keyed (weak) cache follows it and forgets an
    // entry once the decoder has dropped that Jwt.
    Cache<Jwt, Authentication> users = Caffeine.newBuilder().weakKeys().build();
    this.authentication = jwt -> users.get(jwt, authentication);
    this.maxTokenLength = maxTokenLength;
    this.entryPoint = entryPoint;
    this.accessDenied = accessDenied;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    var request = exchange.getRequest();
    Require require =
        routes.required(request.getMethod(), request.getPath().pathWithinApplication());
    String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      // No bearer token (another scheme is not one either).
      return require == Require.ANYONE
          ? chain.filter(exchange)
          : entryPoint.commence(
              exchange, new AuthenticationCredentialsNotFoundException("No bearer token"));
    }
    if (header.length() - SCHEME.length() > maxTokenLength) {
      return invalid(exchange, "The bearer token is too long");
    }
    String token = header.substring(SCHEME.length());
    if (!isToken68(token)) {
      return invalid(exchange, "Bearer token is malformed");
    }
    return decoder
        .decode(token)
        .<Optional<Authentication>>map(jwt -> Optional.of(authentication.apply(jwt)))
        .onErrorResume(JwtException.class, e -> Mono.just(Optional.empty()))
        .flatMap(
            decoded -> {
              if (decoded.isEmpty()) {
                return invalid(exchange, "The bearer token is invalid");
              }
              Authentication user = decoded.get();
              boolean allowed =
                  switch (require) {
                    case ANYONE, AUTHENTICATED -> true;
                    case ADMIN -> isAdmin(user);
                    case NOBODY -> false;
                  };
              if (!allowed) {
                return accessDenied.handle(exchange, new AccessDeniedException("Forbidden"));
              }
              return chain
                  .filter(exchange)
                  .contextWrite(ReactiveSecurityContextHolder.withAuthentication(user));
            });
  }

  private Mono<Void> invalid(ServerWebExchange exchange, String why) {
    return entryPoint.commence(exchange, new InvalidBearerTokenException(why));
  }

  private static boolean isAdmin(Authentication user) {
    for (GrantedAuthority authority : user.getAuthorities()) {
      if ("ROLE_ADMIN".equals(authority.getAuthority())) {
        return true;
      }
    }
    return false;
  }

  /** RFC 6750's b64token: 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=". */
  static boolean isToken68(String token) {
    int i = 0;
    int n = token.length();
    while (i < n && isTokenChar(token.charAt(i))) {
      i++;
    }
    if (i == 0) {
      return false;
    }
    while (i < n && token.charAt(i) == '=') {
      i++;
    }
    return i == n;
  }

  private static boolean isTokenChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~'
        || c == '+'
        || c == '/';
  }
}
