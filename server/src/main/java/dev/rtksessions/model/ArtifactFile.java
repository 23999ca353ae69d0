package dev.rtksessions.model;

/** An uploaded artifact's bytes and the media type it was uploaded with. */
public record ArtifactFile(String contentType, byte[] content) {}
