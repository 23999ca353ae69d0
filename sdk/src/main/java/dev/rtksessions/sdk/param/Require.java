package dev.rtksessions.sdk.param;

/** Checks of required builder values. */
final class Require {
  private Require() {}

  /** A required value: set, and for strings not blank (a blank id would make a different path). */
  static <T> T present(T value, String name) {
    if (value == null) {
      throw new IllegalStateException(name + " is required but was not set");
    }
    if (value instanceof String s && s.isBlank()) {
      throw new IllegalStateException(name + " must not be blank");
    }
    return value;
  }
}
