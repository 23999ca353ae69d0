package dev.rtksessions.sdk.param;

import java.util.Optional;

/**
 * Parameters of {@code sessions().getSessionDetails(sessionId, params)}: {@code GET
 * .../sessions/{session_id}}.
 */
public final class SessionGetSessionDetailsParams extends AppScopedParams {
  private SessionGetSessionDetailsParams(Builder b) {
    super(b);
  }

  /** @return a builder with nothing set */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding these values */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /** @return {@code include_breakout_rooms}: whether to fill {@code breakout_rooms} (recursively), if set */
  public Optional<Boolean> includeBreakoutRooms() {
    return get(Param.INCLUDE_BREAKOUT_ROOMS);
  }

  /** Collects the values; {@link #build()} checks the account and app are set. */
  public static final class Builder extends AppScopedParams.Builder<SessionGetSessionDetailsParams, Builder> {
    private Builder() {
      super(SessionGetSessionDetailsParams::new);
    }

    /**
     * @param includeBreakoutRooms whether to fill {@code breakout_rooms} (recursively)
     * @return this builder
     */
    public Builder includeBreakoutRooms(boolean includeBreakoutRooms) {
      return set(Param.INCLUDE_BREAKOUT_ROOMS, includeBreakoutRooms);
    }
  }
}
