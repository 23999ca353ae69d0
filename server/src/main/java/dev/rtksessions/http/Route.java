package dev.rtksessions.http;

/** What a route does with an authenticated request. */
@FunctionalInterface
public interface Route {
  Reply handle(Request request);
}
