package com.shopverse.auth.user;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The registration's password passes the {@link PasswordPolicy}; each failed rule is reported on
 * the {@code password} field. On the type because one rule needs the email too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AcceptablePasswordValidator.class)
@interface AcceptablePassword {

  String message() default "is too weak";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
