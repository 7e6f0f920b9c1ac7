package com.shopverse.recommendation.serving;

import com.shopverse.defaults.ProblemException;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;

/** Checks shared by every endpoint; each failure is a 400 problem naming the parameter. */
public final class Requests {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private Requests() {}

  public static void checkLimit(int limit, int max) {
    if (limit < 1 || limit > max) {
      throw new ProblemException(
          HttpStatus.BAD_REQUEST, "limit", "limit must be between 1 and " + max + ".");
    }
  }

  /** An id used in a query: letters, digits, '-' and '_', at most 64. */
  public static String checkId(String field, String value) {
    if (value == null || !ID.matcher(value).matches()) {
      throw new ProblemException(
          HttpStatus.BAD_REQUEST, field, field + " must be 1 to 64 letters, digits, '-' or '_'.");
    }
    return value;
  }

  /**
   * The shopper a list is for, as the Flink job keys them: {@code u:<sub>} from a valid token
   * (never from a header), else {@code a:<anonymous id>} from the {@code X-Anonymous-Id} header,
   * else null (a stranger: cold start).
   */
  public static String shopperKey(Jwt token, String anonymousId) {
    if (token != null) {
      return "u:" + token.getSubject();
    }
    if (anonymousId != null) {
      return "a:" + checkId("X-Anonymous-Id", anonymousId);
    }
    return null;
  }
}
