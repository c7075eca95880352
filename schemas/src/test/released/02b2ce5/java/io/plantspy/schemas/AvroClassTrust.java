package io.plantspy.schemas;

import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Lets Avro load this package's generated classes by name. Avro 1.12.2 checks every class it loads by name
 * against a global allow-list that by default trusts only a few JDK classes (AVRO-4189), so decoding into a
 * generated record fails with "Forbidden io.plantspy.schemas.DiagnosisRequest! This class is not trusted".
 *
 * <p>Done in code rather than with {@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES} so no service can forget
 * the flag; trust is limited to generated records and enums of this package, and added to (not replacing)
 * whatever the application already trusts.
 */
final class AvroClassTrust {

  private static final String PACKAGE = AvroClassTrust.class.getPackageName();

  private AvroClassTrust() {}

  /** Called once, from SchemaCatalog's static initializer, which every decoder of ours needs. */
  static void trustGeneratedClasses() {
    ClassSecurityPredicate generated = type -> PACKAGE.equals(type.getPackageName())
        && (SpecificRecord.class.isAssignableFrom(type) || type.isEnum());
    ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(), generated));
  }
}
