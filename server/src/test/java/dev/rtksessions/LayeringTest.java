package dev.rtksessions;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The packages depend on each other as docs/design.md draws them, and no other way. */
class LayeringTest {
  @Test
  void dependenciesPointOneWay() {
    JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.rtksessions");
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("service").definedBy("dev.rtksessions.service..")
        .layer("demo").definedBy("dev.rtksessions.demo..")
        .layer("http").definedBy("dev.rtksessions.http..")
        .layer("api").definedBy("dev.rtksessions.api..")
        .layer("engine").definedBy("dev.rtksessions.engine..")
        .layer("storage").definedBy("dev.rtksessions.storage..")
        .layer("model").definedBy("dev.rtksessions.model..")
        .whereLayer("service").mayNotBeAccessedByAnyLayer()
        .whereLayer("demo").mayOnlyBeAccessedByLayers("service")
        .whereLayer("http").mayOnlyBeAccessedByLayers("service")
        .whereLayer("api").mayOnlyBeAccessedByLayers("http", "service")
        .whereLayer("engine").mayOnlyBeAccessedByLayers("http", "service", "demo")
        .whereLayer("storage").mayOnlyBeAccessedByLayers("engine", "service", "demo")
        .whereLayer("model").mayOnlyBeAccessedByLayers("api", "engine", "storage", "http", "service", "demo")
        .check(classes);
  }
}
