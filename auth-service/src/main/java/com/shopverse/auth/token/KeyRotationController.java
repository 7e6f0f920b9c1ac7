package com.shopverse.auth.token;

import com.shopverse.defaults.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** An admin replaces the signing key now (e.g. after a suspected leak), without waiting. */
@RestController
class KeyRotationController {

  private final KeyRing keys;

  KeyRotationController(KeyRing keys) {
    this.keys = keys;
  }

  record Rotated(String kid, List<String> published) {}

  /**
   * The role is checked here rather than with method security: an AccessDeniedException thrown in a
   * controller would reach the service-wide problem advice as an unexpected 500.
   */
  @PostMapping("/api/auth/admin/keys/rotate")
  Rotated rotate(Authentication caller) {
    boolean admin =
        caller.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .anyMatch("ROLE_ADMIN"::equals);
    if (!admin) {
      throw new ProblemException(
          HttpStatus.FORBIDDEN, "forbidden", "Only an ADMIN may rotate the signing keys.");
    }
    String kid = keys.rotate();
    return new Rotated(kid, keys.all().stream().map(SigningKey::kid).toList());
  }
}
