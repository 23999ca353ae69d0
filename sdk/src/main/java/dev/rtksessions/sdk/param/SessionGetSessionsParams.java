package dev.rtksessions.sdk.param;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Parameters of {@code sessions().getSessions(appId, params)}: {@code GET
 * .../{app_id}/sessions}. Only {@code accountId} is required.
 *
 * <p>Immutable; build with {@link #builder()}, derive a variant with {@link #toBuilder()}.
 */
public final class SessionGetSessionsParams extends AccountListParams {
  /** Which sessions to list by state. */
  public enum Status implements WireEnum {
    /** {@code LIVE} */
    LIVE("LIVE"),
    /** {@code ENDED} */
    ENDED("ENDED");

    private final String wireValue;

    Status(String wireValue) {
      this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
      return wireValue;
    }
  }

  /** What to sort sessions by. */
  public enum SortBy implements WireEnum {
    /** {@code createdAt} */
    CREATED_AT("createdAt"),
    /** {@code minutesConsumed} */
    MINUTES_CONSUMED("minutesConsumed");

    private final String wireValue;

    SortBy(String wireValue) {
      this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
      return wireValue;
    }
  }

  private final SortBy sortBy;
  private final SortOrder sortOrder;
  private final Instant startTime;
  private final Instant endTime;
  private final String participants;
  private final Status status;
  private final String search;
  private final String associatedId;

  private SessionGetSessionsParams(Builder b) {
    super(b);
    this.sortBy = b.sortBy;
    this.sortOrder = b.sortOrder;
    this.startTime = b.startTime;
    this.endTime = b.endTime;
    this.participants = b.participants;
    this.status = b.status;
    this.search = b.search;
    this.associatedId = b.associatedId;
  }

  /** @return a builder with nothing set */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding these values */
  public Builder toBuilder() {
    Builder b = new Builder().from(this);
    b.sortBy = sortBy;
    b.sortOrder = sortOrder;
    b.startTime = startTime;
    b.endTime = endTime;
    b.participants = participants;
    b.status = status;
    b.search = search;
    b.associatedId = associatedId;
    return b;
  }

  /** @return {@code sort_by}: the sort key (default createdAt), if set */
  public Optional<SortBy> sortBy() {
    return Optional.ofNullable(sortBy);
  }

  /** @return {@code sort_order}: ascending or descending, if set */
  public Optional<SortOrder> sortOrder() {
    return Optional.ofNullable(sortOrder);
  }

  /**
   * @return {@code start_time}: keep sessions created at or after this time (sent as ISO-8601 UTC
   *     with milliseconds), if set
   */
  public Optional<Instant> startTime() {
    return Optional.ofNullable(startTime);
  }

  /** @return {@code end_time}: keep sessions created at or before this time, if set */
  public Optional<Instant> endTime() {
    return Optional.ofNullable(endTime);
  }

  /**
   * @return {@code participants}: a range of {@code max_concurrent_participants}: {@code
   *     "min:max"}, {@code "min:"}, {@code ":max"} or {@code "n"}, if set
   */
  public Optional<String> participants() {
    return Optional.ofNullable(participants);
  }

  /** @return {@code status}: only LIVE or only ENDED sessions, if set */
  public Optional<Status> status() {
    return Optional.ofNullable(status);
  }

  /**
   * @return {@code search}: a case-insensitive substring of the meeting title, meeting id or
   *     session id, if set
   */
  public Optional<String> search() {
    return Optional.ofNullable(search);
  }

  /** @return {@code associated_id}: only the sessions of this meeting, if set */
  public Optional<String> associatedId() {
    return Optional.ofNullable(associatedId);
  }

  /**
   * The query string parameters this sends: wire names and values, unset ones left out,
   * times as ISO-8601 UTC with milliseconds and enums as their wire values (not yet
   * percent-encoded).
   *
   * @return the parameters in a fixed order
   */
  public Map<String, String> queryParams() {
    return pagedQuery()
        .add("sort_by", sortBy)
        .add("sort_order", sortOrder)
        .add("start_time", startTime)
        .add("end_time", endTime)
        .add("participants", participants)
        .add("status", status)
        .add("search", search)
        .add("associated_id", associatedId)
        .build();
  }

  /** Collects the values; {@link #build()} checks that the required ones are set. */
  public static final class Builder extends AccountListParams.Builder<Builder> {
    private SortBy sortBy;
    private SortOrder sortOrder;
    private Instant startTime;
    private Instant endTime;
    private String participants;
    private Status status;
    private String search;
    private String associatedId;

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /**
     * @param sortBy the sort key (default createdAt)
     * @return this builder
     */
    public Builder sortBy(SortBy sortBy) {
      this.sortBy = sortBy;
      return this;
    }

    /**
     * @param sortOrder ascending or descending
     * @return this builder
     */
    public Builder sortOrder(SortOrder sortOrder) {
      this.sortOrder = sortOrder;
      return this;
    }

    /**
     * @param startTime keep sessions created at or after this time (sent as ISO-8601 UTC with
     *     milliseconds)
     * @return this builder
     */
    public Builder startTime(Instant startTime) {
      this.startTime = startTime;
      return this;
    }

    /**
     * @param endTime keep sessions created at or before this time
     * @return this builder
     */
    public Builder endTime(Instant endTime) {
      this.endTime = endTime;
      return this;
    }

    /**
     * @param participants a range of {@code max_concurrent_participants}: {@code "min:max"},
     *     {@code "min:"}, {@code ":max"} or {@code "n"}
     * @return this builder
     */
    public Builder participants(String participants) {
      this.participants = participants;
      return this;
    }

    /**
     * @param status only LIVE or only ENDED sessions
     * @return this builder
     */
    public Builder status(Status status) {
      this.status = status;
      return this;
    }

    /**
     * @param search a case-insensitive substring of the meeting title, meeting id or session id
     * @return this builder
     */
    public Builder search(String search) {
      this.search = search;
      return this;
    }

    /**
     * @param associatedId only the sessions of this meeting
     * @return this builder
     */
    public Builder associatedId(String associatedId) {
      this.associatedId = associatedId;
      return this;
    }

    /**
     * @return the parameters
     * @throws IllegalStateException if {@code accountId} is unset or blank
     */
    public SessionGetSessionsParams build() {
      return new SessionGetSessionsParams(this);
    }
  }
}
