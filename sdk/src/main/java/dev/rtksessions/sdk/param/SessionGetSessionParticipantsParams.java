package dev.rtksessions.sdk.param;

import java.util.Map;
import java.util.Optional;

/**
 * Parameters of {@code sessions().getSessionParticipants(sessionId, params)}: {@code GET
 * .../sessions/{session_id}/participants}.
 *
 * <p>Immutable; build with {@link #builder()}, derive a variant with {@link #toBuilder()}.
 */
public final class SessionGetSessionParticipantsParams extends AppScopedParams {
  /** What to sort participants by. */
  public enum SortBy implements WireEnum {
    /** {@code joinedAt} */
    JOINED_AT("joinedAt"),
    /** {@code duration} */
    DURATION("duration");

    private final String wireValue;

    SortBy(String wireValue) {
      this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
      return wireValue;
    }
  }

  /** How durations of breakout rooms are counted. */
  public enum View implements WireEnum {
    /** {@code raw} */
    RAW("raw"),
    /** {@code consolidated} */
    CONSOLIDATED("consolidated");

    private final String wireValue;

    View(String wireValue) {
      this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
      return wireValue;
    }
  }

  private final Long pageNo;
  private final Long perPage;
  private final SortBy sortBy;
  private final SortOrder sortOrder;
  private final String search;
  private final Boolean includePeerEvents;
  private final View view;

  private SessionGetSessionParticipantsParams(Builder b) {
    super(b);
    this.pageNo = b.pageNo;
    this.perPage = b.perPage;
    this.sortBy = b.sortBy;
    this.sortOrder = b.sortOrder;
    this.search = b.search;
    this.includePeerEvents = b.includePeerEvents;
    this.view = b.view;
  }

  /** @return a builder with nothing set */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding these values */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.accountId(accountId()).appId(appId());
    b.pageNo = pageNo;
    b.perPage = perPage;
    b.sortBy = sortBy;
    b.sortOrder = sortOrder;
    b.search = search;
    b.includePeerEvents = includePeerEvents;
    b.view = view;
    return b;
  }

  /**
   * @return {@code page_no}: the page to return, 1-based (0 also means the first page on this
   *     server), if set
   */
  public Optional<Long> pageNo() {
    return Optional.ofNullable(pageNo);
  }

  /** @return {@code per_page}: items per page (this server: 1-200, default 20), if set */
  public Optional<Long> perPage() {
    return Optional.ofNullable(perPage);
  }

  /** @return {@code sort_by}: the sort key (default joinedAt), if set */
  public Optional<SortBy> sortBy() {
    return Optional.ofNullable(sortBy);
  }

  /** @return {@code sort_order}: ascending or descending, if set */
  public Optional<SortOrder> sortOrder() {
    return Optional.ofNullable(sortOrder);
  }

  /**
   * @return {@code search}: a participant id, custom participant id or display name to look for,
   *     if set
   */
  public Optional<String> search() {
    return Optional.ofNullable(search);
  }

  /**
   * @return {@code include_peer_events}: whether to include each participant's {@code
   *     peer_events}, if set
   */
  public Optional<Boolean> includePeerEvents() {
    return Optional.ofNullable(includePeerEvents);
  }

  /**
   * @return {@code view}: raw (durations in this session only) or consolidated (breakout room
   *     durations added), if set
   */
  public Optional<View> view() {
    return Optional.ofNullable(view);
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
        .add("page_no", pageNo)
        .add("per_page", perPage)
        .add("sort_by", sortBy)
        .add("sort_order", sortOrder)
        .add("search", search)
        .add("include_peer_events", includePeerEvents)
        .add("view", view)
        .build();
  }

  /** Collects the values; {@link #build()} checks that the required ones are set. */
  public static final class Builder extends AppScopedParams.Builder<Builder> {
    private Long pageNo;
    private Long perPage;
    private SortBy sortBy;
    private SortOrder sortOrder;
    private String search;
    private Boolean includePeerEvents;
    private View view;

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /**
     * @param pageNo the page to return, 1-based (0 also means the first page on this server)
     * @return this builder
     */
    public Builder pageNo(long pageNo) {
      this.pageNo = pageNo;
      return this;
    }

    /**
     * @param perPage items per page (this server: 1-200, default 20)
     * @return this builder
     */
    public Builder perPage(long perPage) {
      this.perPage = perPage;
      return this;
    }

    /**
     * @param sortBy the sort key (default joinedAt)
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
     * @param search a participant id, custom participant id or display name to look for
     * @return this builder
     */
    public Builder search(String search) {
      this.search = search;
      return this;
    }

    /**
     * @param includePeerEvents whether to include each participant's {@code peer_events}
     * @return this builder
     */
    public Builder includePeerEvents(boolean includePeerEvents) {
      this.includePeerEvents = includePeerEvents;
      return this;
    }

    /**
     * @param view raw (durations in this session only) or consolidated (breakout room durations
     *     added)
     * @return this builder
     */
    public Builder view(View view) {
      this.view = view;
      return this;
    }

    /**
     * @return the parameters
     * @throws IllegalStateException if {@code accountId} or {@code appId} is unset or blank
     */
    public SessionGetSessionParticipantsParams build() {
      return new SessionGetSessionParticipantsParams(this);
    }
  }
}
