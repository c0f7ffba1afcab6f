package com.changgou.pay;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.changgou.pay.payment.Payments;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.format.DateTimeFormatter;

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
            .should().dependOnClassesThat().resideInAnyPackage("javax.xml..", "org.w3c.dom..", "com.github.binarywang..")
            .orShould().dependOnClassesThat().areAssignableTo(DateTimeFormatter.class);

    /**
     * WeChat's typed records reach only the edges that talk to WeChat: the notify endpoint, the error
     * mapping, reconciliation and {@link Payments}. The outbox, the messages and the confirmation path
     * see domain types only.
     */
    @ArchTest
    static final ArchRule wechatTypesStayAtTheEdge = noClasses()
            .that().resideOutsideOfPackages("..pay.wechat..", "..pay.notify..", "..pay.web..", "..pay.reconcile..")
            .and().doNotBelongToAnyOf(Payments.class)
            .should().dependOnClassesThat().resideInAPackage("..pay.wechat..");

    /** A status, state or actor is an enum with one type handler, never a string. */
    @ArchTest
    static final ArchRule statusesAreNotStrings = noFields()
            .that().areDeclaredInClassesThat().resideInAnyPackage("..pay.payment..", "..pay.reconcile..")
            .and().haveNameMatching("(?i).*(status|state|actor)")
            .should().haveRawType(String.class);

    /** No code strings kept as constants to compare with in the payment domain. */
    @ArchTest
    static final ArchRule noStringConstantsInTheDomain = noFields()
            .that().areDeclaredInClassesThat().resideInAnyPackage("..pay.payment..", "..pay.reconcile..")
            .and().areStatic().and().areFinal()
            .should().haveRawType(String.class);
}
