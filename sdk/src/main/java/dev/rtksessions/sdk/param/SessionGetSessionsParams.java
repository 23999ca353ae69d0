package dev.rtksessions.sdk.param;

import java.time.Instant;
import java.util.Optional;

/**
 * Parameters of {@code sessions().getSessions(appId, params)}: {@code GET .../{app_id}/sessions}.
 * Only {@code accountId} is required. {@code search} matches a case-insensitive substring of the
 * meeting title, meeting id or session id.
 */
public final class SessionGetSessionsParams extends Params implements ListParams, SortOrderParams {
  /** Which sessions to list by state; {@link #of(String)} sends any other value. */
  public static final class Status extends WireEnum {
    /** {@code LIVE} */
    public static final Status LIVE = of("LIVE");
    /** {@code ENDED} */
    public static final Status ENDED = of("ENDED");

    private Status(String wireValue) {
      super(wireValue);
    }

    /**
     * @param wireValue the value as the API spells it, known to this SDK or not
     * @return it as a status filter
     */
    public static Status of(String wireValue) {
      return new Status(wireValue);
    }
  }

  /** What to sort sessions by; {@link #of(String)} sends any other value. */
  public static final class SortBy extends WireEnum {
    /** {@code createdAt} */
    public static final SortBy CREATED_AT = of("createdAt");
    /** {@code minutesConsumed} */
    public static final SortBy MINUTES_CONSUMED = of("minutesConsumed");

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

  private SessionGetSessionsParams(Builder b) {
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

  /** @return {@code sort_by}: the sort key (default createdAt), if set */
  public Optional<SortBy> sortBy() {
    return get(Param.SESSIONS_SORT_BY);
  }

  /**
   * @return {@code start_time}: keep sessions created at or after this time (sent as ISO-8601 UTC
   *     with milliseconds), if set
   */
  public Optional<Instant> startTime() {
    return get(Param.START_TIME);
  }

  /** @return {@code end_time}: keep sessions created at or before this time, if set */
  public Optional<Instant> endTime() {
    return get(Param.END_TIME);
  }

  /**
   * @return {@code participants}: a range of {@code max_concurrent_participants}: {@code
   *     "min:max"}, {@code "min:"}, {@code ":max"} or {@code "n"}, if set
   */
  public Optional<String> participants() {
    return get(Param.PARTICIPANTS);
  }

  /** @return {@code status}: only LIVE or only ENDED sessions, if set */
  public Optional<Status> status() {
    return get(Param.SESSION_STATUS);
  }

  /** @return {@code associated_id}: only the sessions of this meeting, if set */
  public Optional<String> associatedId() {
    return get(Param.ASSOCIATED_ID);
  }

  /** Collects the values; {@link #build()} checks the account is set. */
  public static final class Builder extends Params.Builder<SessionGetSessionsParams, Builder>
      implements ListParams.Builder<Builder>, SortOrderParams.Builder<Builder> {
    private Builder() {
      super(SessionGetSessionsParams::new);
    }

    /**
     * @param sortBy the sort key (default createdAt), or {@link SortBy#of(String)} for another
     * @return this builder
     */
    public Builder sortBy(SortBy sortBy) {
      return set(Param.SESSIONS_SORT_BY, sortBy);
    }

    /**
     * @param startTime keep sessions created at or after this time (sent as ISO-8601 UTC with
     *     milliseconds)
     * @return this builder
     */
    public Builder startTime(Instant startTime) {
      return set(Param.START_TIME, startTime);
    }

    /**
     * @param endTime keep sessions created at or before this time
     * @return this builder
     */
    public Builder endTime(Instant endTime) {
      return set(Param.END_TIME, endTime);
    }

    /**
     * @param participants a range of {@code max_concurrent_participants}: {@code "min:max"},
     *     {@code "min:"}, {@code ":max"} or {@code "n"}
     * @return this builder
     */
    public Builder participants(String participants) {
      return set(Param.PARTICIPANTS, participants);
    }

    /**
     * @param status only LIVE or only ENDED sessions, or {@link Status#of(String)} for another value
     * @return this builder
     */
    public Builder status(Status status) {
      return set(Param.SESSION_STATUS, status);
    }

    /**
     * @param associatedId only the sessions of this meeting
     * @return this builder
     */
    public Builder associatedId(String associatedId) {
      return set(Param.ASSOCIATED_ID, associatedId);
    }
  }
}
