package dev.rtksessions.sdk.param;

import java.util.Optional;

/**
 * Parameters of {@code sessions().getSessionParticipants(sessionId, params)}: {@code GET
 * .../sessions/{session_id}/participants}. {@code search} matches a participant id, custom
 * participant id or display name.
 */
public final class SessionGetSessionParticipantsParams extends AppScopedParams
    implements ListParams, SortOrderParams, PeerEventsParams {
  /** What to sort participants by; {@link #of(String)} sends any other value. */
  public static final class SortBy extends WireEnum {
    /** {@code joinedAt} */
    public static final SortBy JOINED_AT = of("joinedAt");
    /** {@code duration} */
    public static final SortBy DURATION = of("duration");

    private SortBy(String wireValue) {
      super(wireValue);
    }

    /**
     * @param wireValue the value as the API spells it, known to this SDK or not
     * @return it as a sort key
     */
    public static SortBy of(String wireValue) {
      return new SortBy(wireValue);
    }
  }

  /** How durations of breakout rooms are counted; {@link #of(String)} sends any other value. */
  public static final class View extends WireEnum {
    /** {@code raw}: durations in this session only */
    public static final View RAW = of("raw");
    /** {@code consolidated}: breakout room durations added */
    public static final View CONSOLIDATED = of("consolidated");

    private View(String wireValue) {
      super(wireValue);
    }

    /**
     * @param wireValue the value as the API spells it, known to this SDK or not
     * @return it as a view
     */
    public static View of(String wireValue) {
      return new View(wireValue);
    }
  }

  private SessionGetSessionParticipantsParams(Builder b) {
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

  /** @return {@code sort_by}: the sort key (default joinedAt), if set */
  public Optional<SortBy> sortBy() {
    return get(Param.PARTICIPANTS_SORT_BY);
  }

  /** @return {@code view}: raw or consolidated durations, if set */
  public Optional<View> view() {
    return get(Param.VIEW);
  }

  /** Collects the values; {@link #build()} checks the account and app are set. */
  public static final class Builder extends AppScopedParams.Builder<SessionGetSessionParticipantsParams, Builder>
      implements ListParams.Builder<Builder>, SortOrderParams.Builder<Builder>, PeerEventsParams.Builder<Builder> {
    private Builder() {
      super(SessionGetSessionParticipantsParams::new);
    }

    /**
     * @param sortBy the sort key (default joinedAt), or {@link SortBy#of(String)} for another
     * @return this builder
     */
    public Builder sortBy(SortBy sortBy) {
      return set(Param.PARTICIPANTS_SORT_BY, sortBy);
    }

    /**
     * @param view raw (durations in this session only) or consolidated (breakout room durations
     *     added), or {@link View#of(String)} for another value
     * @return this builder
     */
    public Builder view(View view) {
      return set(Param.VIEW, view);
    }
  }
}
