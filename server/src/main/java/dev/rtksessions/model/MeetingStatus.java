package dev.rtksessions.model;

public enum MeetingStatus { ACTIVE, INACTIVE }
