package dev.rtksessions.sdk.param;

import java.util.Map;
import java.util.Optional;

/**
 * Parameters of {@code sessions().getParticipantDataFromPeerId(peerId, params)}: {@code GET
 * .../sessions/peer-report/{peer_id}}.
 *
 * <p>Immutable; build with {@link #builder()}, derive a variant with {@link #toBuilder()}.
 */
public final class SessionGetParticipantDataFromPeerIdParams extends AppScopedParams {
  /** A part of the peer report. */
  public enum Filters implements WireEnum {
    /** {@code device_info} */
    DEVICE_INFO("device_info"),
    /** {@code ip_information} */
    IP_INFORMATION("ip_information"),
    /** {@code precall_network_information} */
    PRECALL_NETWORK_INFORMATION("precall_network_information"),
    /** {@code events} */
    EVENTS("events"),
    /** {@code quality_stats} */
    QUALITY_STATS("quality_stats");

    private final String wireValue;

    Filters(String wireValue) {
      this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
      return wireValue;
    }
  }

  private final Filters filters;
  private final Boolean includePeerEvents;

  private SessionGetParticipantDataFromPeerIdParams(Builder b) {
    super(b);
    this.filters = b.filters;
    this.includePeerEvents = b.includePeerEvents;
  }

  /** @return a builder with nothing set */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding these values */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.accountId(accountId()).appId(appId());
    b.filters = filters;
    b.includePeerEvents = includePeerEvents;
    return b;
  }

  /** @return {@code filters}: which part of the peer report to return, if set */
  public Optional<Filters> filters() {
    return Optional.ofNullable(filters);
  }

  /**
   * @return {@code include_peer_events}: whether to include each participant's {@code
   *     peer_events}, if set
   */
  public Optional<Boolean> includePeerEvents() {
    return Optional.ofNullable(includePeerEvents);
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
        .add("filters", filters)
        .add("include_peer_events", includePeerEvents)
        .build();
  }

  /** Collects the values; {@link #build()} checks that the required ones are set. */
  public static final class Builder extends AppScopedParams.Builder<Builder> {
    private Filters filters;
    private Boolean includePeerEvents;

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /**
     * @param filters which part of the peer report to return
     * @return this builder
     */
    public Builder filters(Filters filters) {
      this.filters = filters;
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
     * @return the parameters
     * @throws IllegalStateException if {@code accountId} or {@code appId} is unset or blank
     */
    public SessionGetParticipantDataFromPeerIdParams build() {
      return new SessionGetParticipantDataFromPeerIdParams(this);
    }
  }
}
