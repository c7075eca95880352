/**
 * Tests of the deployment files (container images, {@code infra/compose}, {@code infra/k8s}) against what the build
 * produces: image tarballs, the services' configuration metadata and the topic names of the schemas module.
 */
package io.plantspy.infra.deploy;
