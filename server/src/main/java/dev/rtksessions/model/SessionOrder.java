package dev.rtksessions.model;

/** How a page of sessions is ordered; ties always break on the session id in the same direction. */
public record SessionOrder(Key key, boolean ascending) {
  public enum Key { CREATED_AT, MINUTES_CONSUMED }
}
