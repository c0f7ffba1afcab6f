package com.changgou.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The e2e tests and the bench both carry the kit, so it brings nothing with it but the JDK. */
@AnalyzeClasses(packages = "com.changgou.testkit", importOptions = ImportOption.DoNotIncludeTests.class)
class TestKitArchitectureTest {

    @ArchTest
    static final ArchRule theKitDependsOnTheJdkAlone = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..", "com.changgou.testkit..");
}
