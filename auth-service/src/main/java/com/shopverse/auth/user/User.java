package com.shopverse.auth.user;

import java.util.List;
import java.util.UUID;

/** A shopper's (or an admin's) account. */
public record User(UUID id, String email, String passwordHash, List<String> roles) {}
