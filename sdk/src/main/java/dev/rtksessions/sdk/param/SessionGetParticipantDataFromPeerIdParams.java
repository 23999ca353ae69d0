package dev.rtksessions.sdk.param;

import java.util.Optional;

/**
 * Parameters of {@code sessions().getParticipantDataFromPeerId(peerId, params)}: {@code GET
 * .../sessions/peer-report/{peer_id}}.
 */
public final class SessionGetParticipantDataFromPeerIdParams extends AppScopedParams implements PeerEventsParams {
  /** A part of the peer report; {@link #of(String)} sends any other value. */
  public static final class Filters extends WireEnum {
    /** {@code device_info} */
    public static final Filters DEVICE_INFO = of("device_info");
    /** {@code ip_information} */
    public static final Filters IP_INFORMATION = of("ip_information");
    /** {@code precall_network_information} */
    public static final Filters PRECALL_NETWORK_INFORMATION = of("precall_network_information");
    /** {@code events} */
    public static final Filters EVENTS = of("events");
    /** {@code quality_stats} */
    public static final Filters QUALITY_STATS = of("quality_stats");

    private Filters(String wireValue) {
      super(wireValue);
    }

    /**
     * @param wireValue the value as the API spells it, known to this SDK or not
     * @return it as a filter
     */
    public static Filters of(String wireValue) {
      return new Filters(wireValue);
    }
  }

  private SessionGetParticipantDataFromPeerIdParams(Builder b) {
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

  /** @return {@code filters}: which part of the peer report to return, if set */
  public Optional<Filters> filters() {
    return get(Param.FILTERS);
  }

  /** Collects the values; {@link #build()} checks the account and app are set. */
  public static final class Builder extends AppScopedParams.Builder<SessionGetParticipantDataFromPeerIdParams, Builder>
      implements PeerEventsParams.Builder<Builder> {
    private Builder() {
      super(SessionGetParticipantDataFromPeerIdParams::new);
    }

    /**
     * @param filters which part of the peer report to return, or {@link Filters#of(String)} for another
     * @return this builder
     */
    public Builder filters(Filters filters) {
      return set(Param.FILTERS, filters);
    }
  }
}
