package com.changgou.sandbox.alipay;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.changgou.sandbox", importOptions = ImportOption.DoNotIncludeTests.class)
class AlipayArchitectureTest {

    @ArchTest
    static final ArchRule alipayTradesKnowNothingOfTheWireOrTheWeb = noClasses()
            .that().resideInAPackage("com.changgou.sandbox.alipay.trade..")
            .should().dependOnClassesThat().resideInAnyPackage("com.changgou.sandbox.alipay.gateway..",
                    "com.changgou.sandbox.alipay.cashier..", "com.changgou.sandbox.alipay.notify..",
                    "com.changgou.sandbox.alipay.web..");

    @ArchTest
    static final ArchRule theAlipayProtocolStandsAlone = noClasses()
            .that().resideInAPackage("com.changgou.sandbox.alipay.protocol..")
            .should().dependOnClassesThat().resideInAnyPackage("com.changgou.sandbox.alipay.trade..",
                    "com.changgou.sandbox.alipay.gateway..", "com.changgou.sandbox.alipay.web..");

    @ArchTest
    static final ArchRule weChatKnowsNothingOfAlipay = noClasses()
            .that().resideOutsideOfPackage("com.changgou.sandbox.alipay..")
            .should().dependOnClassesThat().resideInAPackage("com.changgou.sandbox.alipay..");

    @ArchTest
    static final ArchRule noAlipaySdk = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("com.alipay..");
}
