package com.shopverse.gateway.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The gateway's access table, first match wins. Spring Security's {@code authorizeExchange} chain
 * evaluates each matcher as a reactive pipeline of its own, a dozen per request for a route near
 * the end of the table; here the table is a plain loop over path patterns, read by {@link
 * EdgeAuthenticationFilter}. The rules are in docs/security.md.
 */
public final class RouteAccess {

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
    return required(method, PathContainer.parsePath(path));
  }

  /** The same, for a path the server has parsed already. */
  public Require required(HttpMethod method, PathContainer container) {
    for (Rule rule : rules) {
      if (rule.matches(method, container)) {
        return rule.require();
      }
    }
    return otherwise;
  }
}
