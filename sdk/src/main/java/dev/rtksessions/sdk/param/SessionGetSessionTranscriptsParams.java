package dev.rtksessions.sdk.param;

import java.util.Optional;

/**
 * Parameters of {@code sessions().getSessionTranscripts(sessionId, params)}: {@code GET
 * .../sessions/{session_id}/transcript}.
 */
public final class SessionGetSessionTranscriptsParams extends AppScopedParams {
  /** A transcript file format; {@link #of(String)} sends any other value. */
  public static final class Format extends WireEnum {
    /** {@code SRT} */
    public static final Format SRT = of("SRT");
    /** {@code VTT} */
    public static final Format VTT = of("VTT");
    /** {@code JSON} */
    public static final Format JSON = of("JSON");
    /** {@code CSV} */
    public static final Format CSV = of("CSV");

    private Format(String wireValue) {
      super(wireValue);
    }

    /**
     * @param wireValue the value as the API spells it, known to this SDK or not
     * @return it as a format
     */
    public static Format of(String wireValue) {
      return new Format(wireValue);
    }
  }

  private SessionGetSessionTranscriptsParams(Builder b) {
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

  /** @return {@code format}: the transcript file format (default CSV), if set */
  public Optional<Format> format() {
    return get(Param.FORMAT);
  }

  /** Collects the values; {@link #build()} checks the account and app are set. */
  public static final class Builder extends AppScopedParams.Builder<SessionGetSessionTranscriptsParams, Builder> {
    private Builder() {
      super(SessionGetSessionTranscriptsParams::new);
    }

    /**
     * @param format the transcript file format (default CSV), or {@link Format#of(String)} for another
     * @return this builder
     */
    public Builder format(Format format) {
      return set(Param.FORMAT, format);
    }
  }
}
