/**
 * End-to-end tests: the platform started by the real {@code ./plantspy} script, the launcher's commands, and the
 * diagnosis scenarios through every service. Uses the launcher's public types and the services over the network
 * only; the services' jars come from Maven, never from guessed folders.
 */
package io.plantspy.e2e;
