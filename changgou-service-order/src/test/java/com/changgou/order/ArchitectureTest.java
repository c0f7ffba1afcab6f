package com.changgou.order;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering the reliability rules lean on, enforced rather than hoped for. */
@AnalyzeClasses(packages = "com.changgou.order", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule controllersDoNotTouchMappers = noClasses().that().resideInAPackage("..order.web..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Mapper");

    /** The transactional domain never talks to the broker: messages leave after the commit, from messaging. */
    @ArchTest
    static final ArchRule theDomainDoesNotPublish = noClasses().that().resideInAPackage("..order.management..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework.amqp..");

    @ArchTest
    static final ArchRule theDomainKnowsNoDelivery = noClasses().that().resideInAPackage("..order.management..")
            .should().dependOnClassesThat().resideInAnyPackage("..order.web..", "..order.messaging..");

    /** Pricing knows goods, not orders: the dependency runs one way, from management to the catalogue. */
    @ArchTest
    static final ArchRule theCatalogueKnowsNoOrders = noClasses().that().resideInAPackage("..order.catalogue..")
            .should().dependOnClassesThat().resideInAnyPackage("..order.management..", "..order.web..",
                    "..order.messaging..");
}
