package dev.rtksessions.sdk.model;

import dev.rtksessions.sdk.exception.InvalidResponseException;

/**
 * One field of an answer as read: its value, or why it could not be read. Kept by
 * {@link JsonFields} so a field is read once, and a missing or malformed one fails the accessor
 * that needs it, with a new {@link InvalidResponseException} each time it is asked for.
 */
final class Field<T> {
  private final T value;
  private final InvalidResponseException problem;

  private Field(T value, InvalidResponseException problem) {
    this.value = value;
    this.problem = problem;
  }

  static <T> Field<T> of(T value) {
    return new Field<>(value, null);
  }

  static <T> Field<T> invalid(InvalidResponseException problem) {
    return new Field<>(null, problem);
  }

  T get() {
    if (problem != null) {
      throw new InvalidResponseException(problem.getMessage(), problem.getCause());
    }
    return value;
  }
}
