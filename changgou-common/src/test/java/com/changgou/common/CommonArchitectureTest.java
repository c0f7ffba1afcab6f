package com.changgou.common;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Every app depends on common, so common depends on no app and on no framework. */
@AnalyzeClasses(packages = "com.changgou.common", importOptions = ImportOption.DoNotIncludeTests.class)
class CommonArchitectureTest {

    @ArchTest
    static final ArchRule commonDependsOnTheJdkAlone = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.changgou.common..");
}
