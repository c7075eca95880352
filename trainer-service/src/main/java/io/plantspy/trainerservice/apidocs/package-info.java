/** The OpenAPI document's frame: title, version and the realm's bearer-token scheme. Depends on springdoc. */
package io.plantspy.trainerservice.apidocs;
