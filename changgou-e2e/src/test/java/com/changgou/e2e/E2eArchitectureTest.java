package com.changgou.e2e;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The end-to-end tests measure nothing: what they share with the bench lives in the test kit. */
@AnalyzeClasses(packages = "com.changgou.e2e")
class E2eArchitectureTest {

    @ArchTest
    static final ArchRule theTestsDoNotDependOnTheBench = noClasses()
            .that().resideInAPackage("com.changgou.e2e..")
            .should().dependOnClassesThat().resideInAPackage("com.changgou.bench..");
}
