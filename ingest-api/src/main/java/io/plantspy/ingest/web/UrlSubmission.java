package io.plantspy.ingest.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** JSON body of a diagnosis request whose image is fetched from a URL: {@code {"url": "https://..."}}. */
@Schema(description = "A diagnosis request whose image the API fetches")
public record UrlSubmission(@Schema(description = "An http or https URL of a JPEG, PNG or WebP image",
    example = "https://example.org/leaf.jpg", requiredMode = Schema.RequiredMode.REQUIRED) String url) {}
