package dev.rtksessions.model;

/** A RealtimeKit app: the tenant unit under an account. Times are epoch milliseconds. */
public record App(String id, String accountId, String name, long createdAt) {}
