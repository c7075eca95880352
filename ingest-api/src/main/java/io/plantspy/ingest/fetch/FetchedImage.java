package io.plantspy.ingest.fetch;

/** Bytes fetched from a caller's URL, with the content type the server declared and the URL that served them. */
public record FetchedImage(byte[] bytes, String contentType, String finalUrl) {}
