package dev.rtksessions.sdk.param;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What every params type shares: its values, held by {@link Param}, the account (every call
 * names one), and writing the query string and body from the values. The values a few types
 * share are written once too: in {@link AppScopedParams} and in the interfaces {@link ListParams},
 * {@link SortOrderParams} and {@link PeerEventsParams}, whose default methods read and set them.
 *
 * <p>Immutable; each type builds with its {@code builder()} and derives a variant with its
 * {@code toBuilder()}. An unset value is not sent, so the server's default applies.
 */
public abstract class Params {
  private final SortedMap<Param<?>, Object> values;

  /** Checks the account and the other {@code required} values are set. */
  Params(Builder<?, ?> b, Param<?>... required) {
    Require.present(b.values.get(Param.ACCOUNT_ID), Param.ACCOUNT_ID.name);
    for (Param<?> p : required) {
      Require.present(b.values.get(p), p.name);
    }
    this.values = Collections.unmodifiableSortedMap(new TreeMap<>(b.values));
  }

  /** @return the Cloudflare account id (path) */
  public String accountId() {
    return get(Param.ACCOUNT_ID).orElseThrow();
  }

  /**
   * The query string parameters this sends: wire names and values, unset ones left out, times as
   * ISO-8601 UTC with milliseconds and enums as their wire values (not yet percent-encoded).
   *
   * @return the parameters in a fixed order
   */
  public Map<String, String> queryParams() {
    Query query = new Query();
    values.forEach((p, v) -> {
      if (p.in == Param.In.QUERY) {
        query.add(p.name, v);
      }
    });
    return query.build();
  }

  /** The JSON body of the body parameters, in a fixed order; unset ones left out. */
  ObjectNode bodyFields() {
    Body body = new Body();
    values.forEach((p, v) -> {
      if (p.in == Param.In.BODY) {
        body.put(p.name, v);
      }
    });
    return body.build();
  }

  @SuppressWarnings("unchecked") // the setters only store a Param<T>'s value as a T
  final <T> Optional<T> get(Param<T> param) {
    return Optional.ofNullable((T) values.get(param));
  }

  /** A value of {@code params}: for the sealed interfaces' default methods, whose types are all Params. */
  static <T> Optional<T> get(Object params, Param<T> param) {
    return ((Params) params).get(param);
  }

  /** Sets a value on {@code builder}: for the sealed interfaces' default methods, whose builders are all Builders. */
  @SuppressWarnings("unchecked")
  static <B, T> B set(Object builder, Param<T> param, T value) {
    return (B) ((Builder<?, ?>) builder).set(param, value);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + values;
  }

  /**
   * Collects the values of a params type; {@link #build()} checks the required ones are set.
   *
   * @param <P> the params type it builds
   * @param <B> the concrete builder, returned by the setters
   */
  public abstract static class Builder<P extends Params, B extends Builder<P, B>> {
    private final Map<Param<?>, Object> values = new HashMap<>();
    private final Function<B, P> build;

    Builder(Function<B, P> build) {
      this.build = build;
    }

    /**
     * @param accountId the Cloudflare account id (path) (required)
     * @return this builder
     */
    public B accountId(String accountId) {
      return set(Param.ACCOUNT_ID, accountId);
    }

    /**
     * @return the parameters
     * @throws IllegalStateException if a required value (the account, and the app or session
     *     where the call needs one) is unset or blank
     */
    public P build() {
      return build.apply(self());
    }

    /** Sets a value; null unsets it. */
    final <T> B set(Param<T> param, T value) {
      if (value == null) {
        values.remove(param);
      } else {
        values.put(param, value);
      }
      return self();
    }

    /** Takes every value of {@code params}, for {@code toBuilder()}. */
    final B from(Params params) {
      values.putAll(params.values);
      return self();
    }

    @SuppressWarnings("unchecked") // B is this builder's own type
    private B self() {
      return (B) this;
    }
  }
}
