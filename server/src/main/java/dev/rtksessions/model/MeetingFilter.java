package dev.rtksessions.model;

/** Which meetings of an app a list covers; null fields do not filter. Times are epoch ms, inclusive. */
public record MeetingFilter(String appId, String search, MeetingStatus status, Long createdFrom, Long createdTo) {}
