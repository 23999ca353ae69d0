package dev.rtksessions.sdk.param;

import java.util.Optional;

/**
 * What the params of the participant calls (a session's participants, one participant, a peer
 * report) share: whether to include each participant's {@code peer_events}.
 */
public sealed interface PeerEventsParams permits SessionGetSessionParticipantsParams,
    SessionGetSessionParticipantDetailsParams, SessionGetParticipantDataFromPeerIdParams {
  /** @return {@code include_peer_events}: whether to include each participant's {@code peer_events}, if set */
  default Optional<Boolean> includePeerEvents() {
    return Params.get(this, Param.INCLUDE_PEER_EVENTS);
  }

  /**
   * Sets whether to include peer events.
   *
   * @param <B> the concrete builder, returned by the setter
   */
  sealed interface Builder<B> permits SessionGetSessionParticipantsParams.Builder,
      SessionGetSessionParticipantDetailsParams.Builder, SessionGetParticipantDataFromPeerIdParams.Builder {
    /**
     * @param includePeerEvents whether to include each participant's {@code peer_events}
     * @return this builder
     */
    default B includePeerEvents(boolean includePeerEvents) {
      return Params.set(this, Param.INCLUDE_PEER_EVENTS, includePeerEvents);
    }
  }
}
