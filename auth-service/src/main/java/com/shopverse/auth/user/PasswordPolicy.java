package com.shopverse.auth.user;

import com.shopverse.auth.AuthProperties;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What registration asks of a password (NIST SP 800-63B §5.1.1.2): long enough, not among the most
 * common passwords, not built from the email address, not one character over and over. No
 * composition rules: they make passwords harder to remember, not to guess.
 */
@Component
class PasswordPolicy {

  private static final String COMMON = "common-passwords.txt";
  private static final int MIN_NAME_LENGTH = 3;

  private final int minLength;
  private final Set<String> common;

  PasswordPolicy(AuthProperties properties) {
    this.minLength = properties.password().minLength();
    this.common = load();
  }

  /** Why the password is unacceptable for this email; empty when it is fine. */
  List<String> problems(String email, String password) {
    List<String> problems = new ArrayList<>();
    String lower = password.toLowerCase(Locale.ROOT);
    if (password.codePointCount(0, password.length()) < minLength) {
      problems.add("must be at least " + minLength + " characters long");
    }
    if (common.contains(lower)) {
      problems.add("is one of the most commonly used passwords");
    }
    String name = name(email);
    if (name != null && lower.contains(name)) {
      problems.add("must not contain the name part of the email address");
    }
    if (!password.isEmpty() && password.codePoints().distinct().count() == 1) {
      problems.add("must not be one character repeated");
    }
    return problems;
  }

  /** The email's local part without a {@code +tag}, when long enough to be worth checking. */
  private static String name(String email) {
    if (email == null) {
      return null;
    }
    int at = email.lastIndexOf('@');
    if (at < 0) {
      return null;
    }
    String local = email.substring(0, at);
    int plus = local.indexOf('+');
    String name = (plus >= 0 ? local.substring(0, plus) : local).toLowerCase(Locale.ROOT);
    return name.length() >= MIN_NAME_LENGTH ? name : null;
  }

  private static Set<String> load() {
    var stream = PasswordPolicy.class.getResourceAsStream(COMMON);
    if (stream == null) {
      throw new IllegalStateException(COMMON + " is missing from the classpath");
    }
    try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      return reader
          .lines()
          .map(String::trim)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(line -> line.toLowerCase(Locale.ROOT))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
