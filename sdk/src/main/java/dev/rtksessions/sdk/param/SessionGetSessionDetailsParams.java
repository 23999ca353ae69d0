package dev.rtksessions.sdk.param;

import java.util.Map;
import java.util.Optional;

/**
 * Parameters of {@code sessions().getSessionDetails(sessionId, params)}: {@code GET
 * .../sessions/{session_id}}.
 *
 * <p>Immutable; build with {@link #builder()}, derive a variant with {@link #toBuilder()}.
 */
public final class SessionGetSessionDetailsParams extends AppScopedParams {
  private final Boolean includeBreakoutRooms;

  private SessionGetSessionDetailsParams(Builder b) {
    super(b);
    this.includeBreakoutRooms = b.includeBreakoutRooms;
  }

  /** @return a builder with nothing set */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding these values */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.accountId(accountId()).appId(appId());
    b.includeBreakoutRooms = includeBreakoutRooms;
    return b;
  }

  /**
   * @return {@code include_breakout_rooms}: whether to fill {@code breakout_rooms} (recursively),
   *     if set
   */
  public Optional<Boolean> includeBreakoutRooms() {
    return Optional.ofNullable(includeBreakoutRooms);
  }

  /**
   * The query string parameters this sends: wire names and values, unset ones left out,
   * times as ISO-8601 UTC with milliseconds and enums as their wire values (not yet
   * percent-encoded).
   *
   * @return the parameters in a fixed order
   */
  public Map<String, String> queryParams() {
    return new Query()
        .add("include_breakout_rooms", includeBreakoutRooms)
        .build();
  }

  /** Collects the values; {@link #build()} checks that the required ones are set. */
  public static final class Builder extends AppScopedParams.Builder<Builder> {
    private Boolean includeBreakoutRooms;

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /**
     * @param includeBreakoutRooms whether to fill {@code breakout_rooms} (recursively)
     * @return this builder
     */
    public Builder includeBreakoutRooms(boolean includeBreakoutRooms) {
      this.includeBreakoutRooms = includeBreakoutRooms;
      return this;
    }

    /**
     * @return the parameters
     * @throws IllegalStateException if {@code accountId} or {@code appId} is unset or blank
     */
    public SessionGetSessionDetailsParams build() {
      return new SessionGetSessionDetailsParams(this);
    }
  }
}
