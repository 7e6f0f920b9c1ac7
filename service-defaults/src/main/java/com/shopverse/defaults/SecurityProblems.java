package com.shopverse.defaults;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as RFC 9457 problem details, with the {@code WWW-Authenticate} challenge of RFC 6750
 * left to Spring Security's bearer-token handlers. Three stable types: {@code
 * authentication-required} (no token), {@code invalid-token} (a token that failed a check) and
 * {@code forbidden} (a valid token without the role or scope). The gateway writes the same bodies.
 */
public final class SecurityProblems {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final String AUTHENTICATION_REQUIRED = "authentication-required";
  public static final String INVALID_TOKEN = "invalid-token";
  public static final String FORBIDDEN = "forbidden";

  private SecurityProblems() {}

  /** The problem for a failed authentication: no token, or a token that failed a check. */
  public static String unauthorized(boolean invalidToken) {
    return invalidToken
        ? json(401, INVALID_TOKEN, "Unauthorized", "The bearer token is invalid or has expired.")
        : json(401, AUTHENTICATION_REQUIRED, "Unauthorized", "This request needs a bearer token.");
  }

  public static String forbidden() {
    return json(403, FORBIDDEN, "Forbidden", "The token does not allow this request.");
  }

  /**
   * A problem document. The details are fixed texts (never an exception message), so the body says
   * nothing about why a particular signature or claim failed.
   */
  static String json(int status, String type, String title, String detail) {
    return "{\"type\":\""
        + ProblemDetailsAdvice.TYPE_BASE
        + type
        + "\",\"title\":\""
        + title
        + "\",\"status\":"
        + status
        + ",\"detail\":\""
        + detail
        + "\"}";
  }

  /** The servlet services' entry point: Spring's challenge header, then the problem body. */
  public static AuthenticationEntryPoint servletEntryPoint() {
    BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    return (request, response, exception) -> {
      challenge.commence(request, response, exception);
      write(response, unauthorized(exception instanceof InvalidBearerTokenException));
    };
  }

  public static AccessDeniedHandler servletAccessDeniedHandler() {
    BearerTokenAccessDeniedHandler challenge = new BearerTokenAccessDeniedHandler();
    return (request, response, exception) -> {
      challenge.handle(request, response, exception);
      write(response, forbidden());
    };
  }

  private static void write(HttpServletResponse response, String body) throws IOException {
    response.setContentType(MEDIA_TYPE);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
