package dev.rtksessions.sdk.param;

import java.util.Map;
import java.util.Optional;

/**
 * Parameters of {@code sessions().getSessionTranscripts(sessionId, params)}: {@code GET
 * .../sessions/{session_id}/transcript}.
 *
 * <p>Immutable; build with {@link #builder()}, derive a variant with {@link #toBuilder()}.
 */
public final class SessionGetSessionTranscriptsParams extends AppScopedParams {
  /** A transcript file format. */
  public enum Format implements WireEnum {
    /** {@code SRT} */
    SRT("SRT"),
    /** {@code VTT} */
    VTT("VTT"),
    /** {@code JSON} */
    JSON("JSON"),
    /** {@code CSV} */
    CSV("CSV");

    private final String wireValue;

    Format(String wireValue) {
      this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
      return wireValue;
    }
  }

  private final Format format;

  private SessionGetSessionTranscriptsParams(Builder b) {
    super(b);
    this.format = b.format;
  }

  /** @return a builder with nothing set */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding these values */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.accountId(accountId()).appId(appId());
    b.format = format;
    return b;
  }

  /** @return {@code format}: the transcript file format (default CSV), if set */
  public Optional<Format> format() {
    return Optional.ofNullable(format);
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
        .add("format", format)
        .build();
  }

  /** Collects the values; {@link #build()} checks that the required ones are set. */
  public static final class Builder extends AppScopedParams.Builder<Builder> {
    private Format format;

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /**
     * @param format the transcript file format (default CSV)
     * @return this builder
     */
    public Builder format(Format format) {
      this.format = format;
      return this;
    }

    /**
     * @return the parameters
     * @throws IllegalStateException if {@code accountId} or {@code appId} is unset or blank
     */
    public SessionGetSessionTranscriptsParams build() {
      return new SessionGetSessionTranscriptsParams(this);
    }
  }
}
