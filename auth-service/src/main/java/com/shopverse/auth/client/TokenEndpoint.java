package com.shopverse.auth.client;

import com.shopverse.auth.AuthProperties.Client;
import com.shopverse.auth.refresh.RefreshTokens;
import com.shopverse.auth.refresh.RefreshTokens.Outcome;
import com.shopverse.auth.refresh.RefreshTokens.Rotation;
import com.shopverse.auth.token.AccessToken;
import com.shopverse.auth.token.TokenIssuer;
import com.shopverse.auth.user.User;
import com.shopverse.auth.user.Users;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OAuth2 token endpoint: the {@code client_credentials} grant (RFC 6749 §4.4) for services and
 * the {@code refresh_token} grant (§6) for shoppers. Service clients authenticate with HTTP Basic
 * or with {@code client_id}/{@code client_secret} in the form body (§2.3.1). Errors are RFC 6749
 * JSON, not problem details, because OAuth2 clients expect that.
 */
@RestController
class TokenEndpoint {

  private static final String CLIENT_CREDENTIALS = "client_credentials";
  private static final String REFRESH_TOKEN = "refresh_token";

  private final ServiceClients clients;
  private final TokenIssuer tokens;
  private final RefreshTokens refreshTokens;
  private final Users users;
  private final MeterRegistry meters;

  TokenEndpoint(
      ServiceClients clients,
      TokenIssuer tokens,
      RefreshTokens refreshTokens,
      Users users,
      MeterRegistry meters) {
    this.clients = clients;
    this.tokens = tokens;
    this.refreshTokens = refreshTokens;
    this.users = users;
    this.meters = meters;
  }

  /**
   * Services call {@code /oauth2/token} directly; shoppers' clients reach the same endpoint through
   * the gateway, which routes only {@code /api/auth/**} from outside.
   */
  @PostMapping({"/oauth2/token", "/api/auth/token"})
  ResponseEntity<Object> token(HttpServletRequest request) {
    if (!isForm(request)) {
      return error(
          HttpStatus.BAD_REQUEST,
          "invalid_request",
          "The body must be application/x-www-form-urlencoded.");
    }
    ClientCredentials credentials;
    String grantType;
    String scope;
    String refreshToken;
    try {
      credentials = ClientCredentials.of(request);
      grantType = single(request, "grant_type");
      scope = single(request, "scope");
      refreshToken = single(request, "refresh_token");
    } catch (IllegalArgumentException e) {
      return error(HttpStatus.BAD_REQUEST, "invalid_request", e.getMessage());
    }
    if (REFRESH_TOKEN.equals(grantType)) {
      return refresh(credentials, refreshToken);
    }
    if (credentials == null) {
      return invalidClient("Client authentication is required.");
    }
    Client client = clients.authenticate(credentials.id(), credentials.secret()).orElse(null);
    if (client == null) {
      return invalidClient("Unknown client or wrong secret.");
    }

    if (grantType == null || grantType.isBlank()) {
      return error(HttpStatus.BAD_REQUEST, "invalid_request", "grant_type is required.");
    }
    if (!CLIENT_CREDENTIALS.equals(grantType)) {
      return error(
          HttpStatus.BAD_REQUEST,
          "unsupported_grant_type",
          "Only client_credentials and refresh_token are supported here.");
    }

    Set<String> granted;
    if (scope == null || scope.isBlank()) {
      granted = client.scopes();
    } else {
      granted = new LinkedHashSet<>(Arrays.asList(scope.trim().split(" +")));
      if (!client.scopes().containsAll(granted)) {
        return error(
            HttpStatus.BAD_REQUEST,
            "invalid_scope",
            "The client may request only: " + String.join(" ", client.scopes()));
      }
    }
    AccessToken token = tokens.issueForClient(client.id(), granted);
    return ResponseEntity.ok().headers(noStore()).body(token);
  }

  /**
   * The refresh_token grant (RFC 6749 §6). Shoppers' apps are public clients, so no client
   * authentication is required; credentials that are sent must be right all the same.
   */
  private ResponseEntity<Object> refresh(ClientCredentials credentials, String refreshToken) {
    if (credentials != null
        && clients.authenticate(credentials.id(), credentials.secret()).isEmpty()) {
      return invalidClient("Unknown client or wrong secret.");
    }
    if (refreshToken == null || refreshToken.isBlank()) {
      return error(HttpStatus.BAD_REQUEST, "invalid_request", "refresh_token is required.");
    }
    Rotation rotation = refreshTokens.rotate(refreshToken);
    User user =
        rotation.outcome() == Outcome.ROTATED ? users.byId(rotation.userId()).orElse(null) : null;
    if (user == null) {
      count(rotation.outcome() == Outcome.REUSED ? "reused" : "invalid");
      // One description for every failure: the caller learns nothing about which tokens exist.
      return error(
          HttpStatus.BAD_REQUEST,
          "invalid_grant",
          "The refresh token is invalid, expired, revoked or already used.");
    }
    count("rotated");
    AccessToken token =
        tokens
            .issue(user.id().toString(), user.email(), user.roles())
            .withRefreshToken(rotation.refreshToken());
    return ResponseEntity.ok().headers(noStore()).body(token);
  }

  private void count(String outcome) {
    meters.counter("shopverse.auth.refresh", "outcome", outcome).increment();
  }

  private static boolean isForm(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded");
  }

  /** A parameter that must not repeat (RFC 6749 §3.2). */
  private static String single(HttpServletRequest request, String name) {
    String[] values = request.getParameterValues(name);
    if (values == null) {
      return null;
    }
    if (values.length > 1) {
      throw new IllegalArgumentException(name + " must not repeat.");
    }
    return values[0];
  }

  private static ResponseEntity<Object> invalidClient(String description) {
    HttpHeaders headers = noStore();
    headers.set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"shopverse\"");
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .headers(headers)
        .body(new TokenError("invalid_client", description));
  }

  private static ResponseEntity<Object> error(HttpStatus status, String code, String description) {
    return ResponseEntity.status(status).headers(noStore()).body(new TokenError(code, description));
  }

  private static HttpHeaders noStore() {
    HttpHeaders headers = new HttpHeaders();
    headers.setCacheControl(CacheControl.noStore());
    headers.setPragma("no-cache");
    return headers;
  }

  /** The client's id and secret, from exactly one of HTTP Basic or the form body. */
  private record ClientCredentials(String id, String secret) {

    static ClientCredentials of(HttpServletRequest request) {
      String header = request.getHeader(HttpHeaders.AUTHORIZATION);
      String formId = single(request, "client_id");
      String formSecret = single(request, "client_secret");
      if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
        if (formSecret != null) {
          throw new IllegalArgumentException("Use one client authentication method, not two.");
        }
        String decoded;
        try {
          decoded =
              new String(
                  Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
          return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
          return null;
        }
        // RFC 6749 §2.3.1: id and secret are form-encoded before they are put in the header.
        return new ClientCredentials(
            URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
            URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
      }
      if (formId != null && formSecret != null) {
        return new ClientCredentials(formId, formSecret);
      }
      return null;
    }
  }
}
