package dev.rtksessions.model;

public enum SessionStatus { LIVE, ENDED }
