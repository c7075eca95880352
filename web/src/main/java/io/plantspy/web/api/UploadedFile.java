package io.plantspy.web.api;

import org.springframework.http.MediaType;

/** A file the user chose in a form, passed on to an API as a multipart part. */
public record UploadedFile(String filename, MediaType type, byte[] bytes) {}
