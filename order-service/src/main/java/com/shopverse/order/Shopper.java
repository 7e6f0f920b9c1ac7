package com.shopverse.order;

import java.util.List;
import org.springframework.security.oauth2.jwt.Jwt;

/** Who is calling: always read from the validated token, never from a body or header. */
public final class Shopper {

  private Shopper() {}

  /** The shopper's id: the token's subject. */
  public static String id(Jwt jwt) {
    return jwt.getSubject();
  }

  /** Whether the token carries the {@code ADMIN} role. */
  public static boolean isAdmin(Jwt jwt) {
    List<String> roles = jwt.getClaimAsStringList("roles");
    return roles != null && roles.contains("ADMIN");
  }
}
