package dev.rtksessions.sdk.param;

import java.util.Objects;

/**
 * A parameter value from a set the API knows ({@code LIVE}, {@code createdAt}, {@code ASC}, ...).
 * Each such parameter type holds its known values as constants, and its {@code of(String)} makes
 * any other value, sent as it is: a value newer than this SDK version, so callers are never held
 * back by its list, or a wrong one, which the server then refuses with a 400.
 *
 * <p>Equal when of the same type and value; {@link #toString()} is the value.
 */
public abstract class WireEnum {
  private final String wireValue;

  // Package-private: the parameter types of this package are the only subclasses.
  WireEnum(String wireValue) {
    if (wireValue == null || wireValue.isEmpty()) {
      throw new IllegalArgumentException(getClass().getSimpleName() + " must not be null or empty");
    }
    this.wireValue = wireValue;
  }

  /** @return the value exactly as the API gets it */
  public String wireValue() {
    return wireValue;
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && ((WireEnum) o).wireValue.equals(wireValue);
  }

  @Override
  public int hashCode() {
    return Objects.hash(getClass(), wireValue);
  }

  @Override
  public String toString() {
    return wireValue;
  }
}
