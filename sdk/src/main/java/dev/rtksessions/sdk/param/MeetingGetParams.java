package dev.rtksessions.sdk.param;

import java.util.Map;
import java.util.Optional;

/**
 * Parameters of {@code meetings().get(appId, params)}: {@code GET .../{app_id}/meetings}, the
 * app's meetings.
 *
 * <p>Immutable; build with {@link #builder()}, derive a variant with {@link #toBuilder()}.
 */
public final class MeetingGetParams extends AccountListParams {
  private final String search;

  private MeetingGetParams(Builder b) {
    super(b);
    this.search = b.search;
  }

  /** @return a builder with nothing set */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding these values */
  public Builder toBuilder() {
    Builder b = new Builder().from(this);
    b.search = search;
    return b;
  }

  /** @return {@code search}: a substring of the meeting id or title, if set */
  public Optional<String> search() {
    return Optional.ofNullable(search);
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
        .add("search", search)
        .build();
  }

  /** Collects the values; {@link #build()} checks that the required ones are set. */
  public static final class Builder extends AccountListParams.Builder<Builder> {
    private String search;

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /**
     * @param search a substring of the meeting id or title
     * @return this builder
     */
    public Builder search(String search) {
      this.search = search;
      return this;
    }

    /**
     * @return the parameters
     * @throws IllegalStateException if {@code accountId} is unset or blank
     */
    public MeetingGetParams build() {
      return new MeetingGetParams(this);
    }
  }
}
