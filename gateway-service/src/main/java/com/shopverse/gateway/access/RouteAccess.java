package com.shopverse.gateway.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * The gateway's access table, first match wins. Spring Security's {@code authorizeExchange} chain
 * evaluates each matcher as a reactive pipeline of its own, a dozen per request for a route near
 * the end of the table; here the table is a plain loop over path patterns, and only the rule that
 * matched looks at the authentication. The rules themselves are the same (docs/security.md).
 */
public final class RouteAccess implements ReactiveAuthorizationManager<AuthorizationContext> {

  /** What a rule requires. */
  public enum Require {
    ANYONE,
    NOBODY,
    AUTHENTICATED,
    ADMIN
  }

  private record Rule(Set<HttpMethod> methods, List<PathPattern> paths, Require require) {

    boolean matches(HttpMethod method, PathContainer path) {
      if (!methods.isEmpty() && !methods.contains(method)) {
        return false;
      }
      for (PathPattern pattern : paths) {
        if (pattern.matches(path)) {
          return true;
        }
      }
      return false;
    }
  }

  private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);
  private static final AuthorizationDecision DENIED = new AuthorizationDecision(false);

  private final List<Rule> rules = new ArrayList<>();
  private Require otherwise = Require.AUTHENTICATED;

  /** Adds a rule for these methods (none = any method) and path patterns. */
  public RouteAccess rule(Require require, Set<HttpMethod> methods, String... paths) {
    List<PathPattern> patterns = new ArrayList<>();
    for (String path : paths) {
      patterns.add(PathPatternParser.defaultInstance.parse(path));
    }
    rules.add(new Rule(Set.copyOf(methods), List.copyOf(patterns), require));
    return this;
  }

  public RouteAccess otherwise(Require require) {
    this.otherwise = require;
    return this;
  }

  /** What the first matching rule requires for this request. */
  public Require required(HttpMethod method, String path) {
    PathContainer container = PathContainer.parsePath(path);
    for (Rule rule : rules) {
      if (rule.matches(method, container)) {
        return rule.require();
      }
    }
    return otherwise;
  }

  @Override
  public Mono<AuthorizationResult> authorize(
      Mono<Authentication> authentication, AuthorizationContext context) {
    var request = context.getExchange().getRequest();
    Require require =
        required(request.getMethod(), request.getPath().pathWithinApplication().value());
    return switch (require) {
      case ANYONE -> Mono.just(GRANTED);
      case NOBODY -> Mono.just(DENIED);
      case AUTHENTICATED ->
          authentication
              .map(a -> (AuthorizationResult) (a.isAuthenticated() ? GRANTED : DENIED))
              .defaultIfEmpty(DENIED);
      case ADMIN ->
          authentication
              .map(
                  a -> (AuthorizationResult) (a.isAuthenticated() && isAdmin(a) ? GRANTED : DENIED))
              .defaultIfEmpty(DENIED);
    };
  }

  private static boolean isAdmin(Authentication authentication) {
    for (GrantedAuthority authority : authentication.getAuthorities()) {
      if ("ROLE_ADMIN".equals(authority.getAuthority())) {
        return true;
      }
    }
    return false;
  }
}
