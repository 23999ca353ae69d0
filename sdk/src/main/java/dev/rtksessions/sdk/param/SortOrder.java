package dev.rtksessions.sdk.param;

/** The direction of a sort. */
public enum SortOrder implements WireEnum {
  /** {@code ASC}: smallest or oldest first */
  ASC,
  /** {@code DESC}: largest or newest first */
  DESC;

  @Override
  public String wireValue() {
    return name();
  }
}
