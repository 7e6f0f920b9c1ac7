package com.shopverse.auth.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The accounts. Public for the token endpoint, which re-reads a user's roles on every refresh. */
@Repository
public class Users {

  private static final String COLUMNS = "id, email, password_hash, roles";

  private final JdbcClient jdbc;

  Users(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds the user; false if the email is taken (in any letter case). */
  boolean add(User user) {
    try {
      jdbc.sql("INSERT INTO users (id, email, password_hash, roles) VALUES (?, ?, ?, ?)")
          .params(user.id(), user.email(), user.passwordHash(), String.join(",", user.roles()))
          .update();
      return true;
    } catch (DuplicateKeyException taken) {
      return false;
    }
  }

  /** Adds the user unless the email is taken; unlike {@link #add}, safe inside a transaction. */
  boolean addIfAbsent(User user) {
    return jdbc.sql(
                """
                INSERT INTO users (id, email, password_hash, roles) VALUES (?, ?, ?, ?)
                ON CONFLICT ((lower(email))) DO NOTHING""")
            .params(user.id(), user.email(), user.passwordHash(), String.join(",", user.roles()))
            .update()
        == 1;
  }

  void update(UUID id, String passwordHash, List<String> roles) {
    jdbc.sql("UPDATE users SET password_hash = ?, roles = ? WHERE id = ?")
        .params(passwordHash, String.join(",", roles), id)
        .update();
  }

  Optional<User> byEmail(String email) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE lower(email) = lower(?)")
        .param(email)
        .query((rs, n) -> map(rs))
        .optional();
  }

  public Optional<User> byId(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ?")
        .param(id)
        .query((rs, n) -> map(rs))
        .optional();
  }

  private static User map(ResultSet rs) throws SQLException {
    return new User(
        rs.getObject("id", UUID.class),
        rs.getString("email"),
        rs.getString("password_hash"),
        List.copyOf(Arrays.asList(rs.getString("roles").split(","))));
  }
}
