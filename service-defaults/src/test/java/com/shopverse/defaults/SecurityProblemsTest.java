package com.shopverse.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class SecurityProblemsTest {

  @Test
  void answersAnInvalidTokenWithAProblemAndTheBearerChallenge() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();

    SecurityProblems.servletEntryPoint()
        .commence(
            new MockHttpServletRequest(), response, new InvalidBearerTokenException("Jwt expired"));

    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(response.getHeader("WWW-Authenticate"))
        .startsWith("Bearer")
        .contains("error=\"invalid_token\"");
    assertThat(response.getContentAsString())
        .contains("\"type\":\"https://shopverse.dev/problems/invalid-token\"")
        .contains("\"status\":401")
        .doesNotContain("Jwt expired");
  }

  @Test
  void answersAMissingTokenWithAnAuthenticationRequiredProblem() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();

    SecurityProblems.servletEntryPoint()
        .commence(
            new MockHttpServletRequest(),
            response,
            new InsufficientAuthenticationException("Full authentication is required"));

    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getHeader("WWW-Authenticate"))
        .startsWith("Bearer")
        .doesNotContain("error=");
    assertThat(response.getContentAsString())
        .contains("\"type\":\"https://shopverse.dev/problems/authentication-required\"");
  }

  @Test
  void answersAMissingRoleWithAForbiddenProblem() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();

    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setUserPrincipal(
        new JwtAuthenticationToken(
            Jwt.withTokenValue("t").header("alg", "RS256").subject("alice").build()));

    SecurityProblems.servletAccessDeniedHandler()
        .handle(request, response, new AccessDeniedException("denied"));

    assertThat(response.getStatus()).isEqualTo(403);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(response.getHeader("WWW-Authenticate")).contains("insufficient_scope");
    assertThat(response.getContentAsString())
        .contains("\"type\":\"https://shopverse.dev/problems/forbidden\"")
        .contains("\"status\":403");
  }
}
