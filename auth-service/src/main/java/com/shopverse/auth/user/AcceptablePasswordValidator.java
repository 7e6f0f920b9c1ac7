package com.shopverse.auth.user;

import com.shopverse.auth.user.AuthController.Registration;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.List;

/** Built by Spring's constraint validator factory, which injects the policy. */
class AcceptablePasswordValidator implements ConstraintValidator<AcceptablePassword, Registration> {

  private final PasswordPolicy policy;

  AcceptablePasswordValidator(PasswordPolicy policy) {
    this.policy = policy;
  }

  @Override
  public boolean isValid(Registration registration, ConstraintValidatorContext context) {
    if (registration == null || registration.password() == null) {
      return true; // @NotBlank reports a missing password
    }
    List<String> problems = policy.problems(registration.email(), registration.password());
    if (problems.isEmpty()) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    for (String problem : problems) {
      context
          .buildConstraintViolationWithTemplate(problem)
          .addPropertyNode("password")
          .addConstraintViolation();
    }
    return false;
  }
}
