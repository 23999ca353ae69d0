package dev.rtksessions.sdk.param;

/** The direction of a sort; {@link #of(String)} sends any other value. */
public final class SortOrder extends WireEnum {
  /** {@code ASC}: smallest or oldest first */
  public static final SortOrder ASC = of("ASC");
  /** {@code DESC}: largest or newest first */
  public static final SortOrder DESC = of("DESC");

  private SortOrder(String wireValue) {
    super(wireValue);
  }

  /**
   * @param wireValue the value as the API spells it, known to this SDK or not
   * @return it as a sort order
   */
  public static SortOrder of(String wireValue) {
    return new SortOrder(wireValue);
  }
}
