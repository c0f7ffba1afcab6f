package com.changgou.sandbox;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.changgou.sandbox", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheProtocolPackageTouchesXml = noClasses()
            .that().resideOutsideOfPackage("com.changgou.sandbox.protocol..")
            .should().dependOnClassesThat().resideInAnyPackage("javax.xml..", "org.w3c.dom..", "org.xml.sax..");

    @ArchTest
    static final ArchRule theSandboxIsIndependentOfTheMerchantSide = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("com.changgou.pay..", "me.chanjar..",
                    "com.github.binarywang..");

    @ArchTest
    static final ArchRule tradeKnowsNothingOfTheWebOrNotifications = noClasses()
            .that().resideInAPackage("com.changgou.sandbox.trade..")
            .should().dependOnClassesThat().resideInAnyPackage("com.changgou.sandbox.web..",
                    "com.changgou.sandbox.api..", "com.changgou.sandbox.notify..");

    @ArchTest
    static final ArchRule refundsKnowNothingOfTheWebNotificationsOrTls = noClasses()
            .that().resideInAPackage("com.changgou.sandbox.refund..")
            .should().dependOnClassesThat().resideInAnyPackage("com.changgou.sandbox.web..",
                    "com.changgou.sandbox.api..", "com.changgou.sandbox.notify..", "com.changgou.sandbox.tls..");
}
