package com.changgou.order;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.format.DateTimeFormatter;

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

    /**
     * The domain publishes its order events as application events; messaging, which knows the exchange,
     * appends them to the outbox in the same transaction.
     */
    @ArchTest
    static final ArchRule theDomainLeavesTheOutboxToMessaging = noClasses().that().resideInAPackage("..order.management..")
            .should().dependOnClassesThat().resideInAPackage("com.changgou.outbox..");

    @ArchTest
    static final ArchRule theDomainKnowsNoDelivery = noClasses().that().resideInAPackage("..order.management..")
            .should().dependOnClassesThat().resideInAnyPackage("..order.web..", "..order.messaging..");

    /** A status, state, type or operator is an enum (or a typed value) with one type handler, never a string. */
    @ArchTest
    static final ArchRule statusesAreNotStrings = noFields()
            .that().areDeclaredInClassesThat().resideInAPackage("..order.management..")
            .and().haveNameMatching("(?i).*(status|state|type|operator)")
            .should().haveRawType(String.class);

    /** No code strings ("1", "TODO", "pay") kept as constants to compare with: the type handlers own the codes. */
    @ArchTest
    static final ArchRule noStringConstantsInTheDomain = noFields()
            .that().areDeclaredInClassesThat().resideInAPackage("..order.management..")
            .and().areStatic().and().areFinal()
            .should().haveRawType(String.class);

    /** Messages carry instants: WeChat's time format stays in the pay service's wechat package. */
    @ArchTest
    static final ArchRule noWireTimesAreParsed = noClasses().that().resideInAPackage("com.changgou.order..")
            .should().dependOnClassesThat().areAssignableTo(DateTimeFormatter.class);

    /** Pricing knows goods, not orders: the dependency runs one way, from management to the catalogue. */
    @ArchTest
    static final ArchRule theCatalogueKnowsNoOrders = noClasses().that().resideInAPackage("..order.catalogue..")
            .should().dependOnClassesThat().resideInAnyPackage("..order.management..", "..order.web..",
                    "..order.messaging..");

    /**
     * The pool does not auto-commit (changgou-defaults.yml): the database is reached through MyBatis,
     * which commits what it does outside a transaction. A plain JDBC write there would be rolled back
     * unseen when its connection went back to the pool.
     */
    @ArchTest
    static final ArchRule theDatabaseIsReachedThroughMyBatis = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc.core..");
}
