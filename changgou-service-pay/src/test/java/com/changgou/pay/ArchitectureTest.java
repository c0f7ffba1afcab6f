package com.changgou.pay;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering the pay service's packages promise each other. */
@AnalyzeClasses(packages = "com.changgou.pay", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule controllersDoNotTouchMappers = noClasses()
            .that().resideInAnyPackage("..pay.web..", "..pay.notify..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Mapper");

    @ArchTest
    static final ArchRule nothingPublishesOutsideTheOutbox = noClasses()
            .that().resideOutsideOfPackage("..pay.outbox..")
            .should().callMethod(org.springframework.amqp.rabbit.core.RabbitTemplate.class, "send",
                    String.class, String.class, org.springframework.amqp.core.Message.class,
                    org.springframework.amqp.rabbit.connection.CorrelationData.class)
            .orShould().callMethod(org.springframework.amqp.rabbit.core.RabbitTemplate.class, "convertAndSend",
                    String.class, String.class, Object.class);

    @ArchTest
    static final ArchRule theDomainDoesNotKnowTheWeb = noClasses()
            .that().resideInAnyPackage("..pay.payment..", "..pay.outbox..", "..pay.reconcile..")
            .should().dependOnClassesThat().resideInAnyPackage("..pay.web..", "..pay.notify..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule wechatWireFormatStaysInItsPackage = noClasses()
            .that().resideOutsideOfPackage("..pay.wechat..")
            .should().dependOnClassesThat().resideInAnyPackage("javax.xml..", "org.w3c.dom..", "com.github.binarywang..");
}
