package com.changgou.user;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.apache.ibatis.annotations.Mapper;

/** The layering the account rules lean on, enforced rather than hoped for. */
@AnalyzeClasses(packages = "com.changgou.user", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Every name goes through Accounts' normalisation; a controller with a mapper could skip it. */
    @ArchTest
    static final ArchRule controllersDoNotTouchMappers = noClasses().that().resideInAPackage("..user.web..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Mapper");

    @ArchTest
    static final ArchRule theDomainKnowsNoDelivery = noClasses().that().resideInAnyPackage("..user.account..",
            "..user.points..").should().dependOnClassesThat().resideInAnyPackage("..user.web..", "..user.messaging..");

    /** The listener goes through Points, which applies each event once; a mapper there could skip the marker. */
    @ArchTest
    static final ArchRule listenersDoNotTouchMappers = noClasses().that().resideInAPackage("..user.messaging..")
            .should().dependOnClassesThat().areAnnotatedWith(Mapper.class);

    /**
     * The pool does not auto-commit (changgou-defaults.yml): the database is reached through MyBatis,
     * which commits what it does outside a transaction. A plain JDBC write there would be rolled back
     * unseen when its connection went back to the pool.
     */
    @ArchTest
    static final ArchRule theDatabaseIsReachedThroughMyBatis = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc.core..");
}
