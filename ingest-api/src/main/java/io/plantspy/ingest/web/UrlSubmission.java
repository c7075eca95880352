package io.plantspy.ingest.web;

/** JSON body of a diagnosis request whose image is fetched from a URL: {@code {"url": "https://..."}}. */
public record UrlSubmission(String url) {}
