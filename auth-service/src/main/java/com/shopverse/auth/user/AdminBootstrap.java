package com.shopverse.auth.user;

import com.shopverse.auth.AuthProperties;
import com.shopverse.auth.AuthProperties.Admin;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the configured ADMIN accounts at start-up, or promotes the account that has the email.
 * Safe to run on every start and on several replicas at once: an account that already is as
 * configured is left alone, and a replica that loses the insert race updates the winner's row.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

  static final String ADMIN = "ADMIN";
  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

  private final Users users;
  private final PasswordEncoder passwords;
  private final List<Admin> admins;

  AdminBootstrap(Users users, PasswordEncoder passwords, AuthProperties properties) {
    this.users = users;
    this.passwords = passwords;
    this.admins = properties.admins();
    for (Admin admin : admins) {
      if ((admin.passwordHash() == null) == (admin.password() == null)) {
        throw new IllegalStateException(
            "shopverse.auth.admins: "
                + admin.email()
                + " needs exactly one of password-hash or password");
      }
    }
  }

  @Override
  public void run(ApplicationArguments args) {
    admins.forEach(this::bootstrap);
  }

  private void bootstrap(Admin admin) {
    String hash = admin.passwordHash();
    var created =
        new User(
            UUID.randomUUID(),
            admin.email(),
            hash != null ? hash : passwords.encode(admin.password()),
            List.of(ADMIN));
    if (users.addIfAbsent(created)) {
      // The id, not the email: logs carry no personal data beyond ids.
      log.info("Created the configured admin account {}", created.id());
      return;
    }
    User existing = users.byEmail(admin.email()).orElseThrow();
    List<String> roles = new ArrayList<>(existing.roles());
    if (!roles.contains(ADMIN)) {
      roles.add(ADMIN);
    }
    String current = existing.passwordHash();
    String wanted;
    if (hash != null) {
      wanted = hash;
    } else {
      // A plain password hashes differently each time: keep the stored hash while it matches.
      wanted =
          passwords.matches(admin.password(), current)
              ? current
              : passwords.encode(admin.password());
    }
    if (!roles.equals(existing.roles()) || !wanted.equals(current)) {
      users.update(existing.id(), wanted, roles);
      log.info("Updated the configured admin account {}", existing.id());
    }
  }
}
