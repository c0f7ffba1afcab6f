package com.changgou.pay;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.changgou.outbox.BroadcastExchanges;
import com.changgou.outbox.Outbox;
import com.changgou.outbox.OutboxConfiguration;
import com.changgou.outbox.OutgoingMessage;
import com.changgou.pay.payment.AlipayPayments;
import com.changgou.pay.payment.Payments;
import com.changgou.pay.refund.Refunds;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.format.DateTimeFormatter;
import org.springframework.web.bind.annotation.RestController;

/** The layering the pay service's packages promise each other. */
@AnalyzeClasses(packages = "com.changgou.pay", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule controllersDoNotTouchMappers = noClasses()
            .that().resideInAnyPackage("..pay.web..", "..pay.notify..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Mapper");

    /** Every endpoint, the ops console's included, reads and writes through a service. */
    @ArchTest
    static final ArchRule endpointsDoNotTouchMappers = noClasses()
            .that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Mapper");

    /** Messages leave only through the outbox (the changgou-outbox module), never straight from here. */
    @ArchTest
    static final ArchRule nothingPublishesButTheOutbox = noClasses()
            .should().callMethod(org.springframework.amqp.rabbit.core.RabbitTemplate.class, "send",
                    String.class, String.class, org.springframework.amqp.core.Message.class,
                    org.springframework.amqp.rabbit.connection.CorrelationData.class)
            .orShould().callMethod(org.springframework.amqp.rabbit.core.RabbitTemplate.class, "convertAndSend",
                    String.class, String.class, Object.class);

    /** Its table, relay and janitor are the outbox's business: pay configures it and appends to it. */
    @ArchTest
    static final ArchRule theOutboxIsOnlyAppendedTo = noClasses()
            .should().dependOnClassesThat(resideInAPackage("com.changgou.outbox")
                    .and(not(belongToAnyOf(Outbox.class, OutgoingMessage.class, OutboxConfiguration.class,
                            BroadcastExchanges.class))));

    @ArchTest
    static final ArchRule theDomainDoesNotKnowTheWeb = noClasses()
            .that().resideInAnyPackage("..pay.payment..", "..pay.reconcile..", "..pay.refund..")
            .should().dependOnClassesThat().resideInAnyPackage("..pay.web..", "..pay.notify..", "..pay.notifylog..",
                    "..pay.ops..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule wechatWireFormatStaysInItsPackage = noClasses()
            .that().resideOutsideOfPackage("..pay.wechat..")
            .should().dependOnClassesThat().resideInAnyPackage("javax.xml..", "org.w3c.dom..", "com.github.binarywang..");

    /** Each channel's times are spelt in its own package; everything else sees {@code Instant}. */
    @ArchTest
    static final ArchRule wireTimesStayInTheProtocolPackages = noClasses()
            .that().resideOutsideOfPackages("..pay.wechat..", "..pay.alipay..")
            .should().dependOnClassesThat().areAssignableTo(DateTimeFormatter.class);

    /**
     * Alipay's wire format (JSON answers, form-encoded notifications, RSA2, yuan) lives in its package: no
     * other class signs, parses JSON, decodes forms or counts in yuan.
     */
    @ArchTest
    static final ArchRule alipayWireFormatStaysInItsPackage = noClasses()
            .that().resideOutsideOfPackage("..pay.alipay..")
            .should().dependOnClassesThat().resideInAnyPackage("tools.jackson..", "com.fasterxml.jackson..")
            .orShould().dependOnClassesThat().belongToAnyOf(java.security.Signature.class,
                    java.security.KeyFactory.class, java.math.BigDecimal.class, java.net.URLDecoder.class);

    /**
     * Alipay's typed records reach only the edges that talk to Alipay: the notify and web endpoints,
     * reconciliation, {@link AlipayPayments}, {@link Refunds} and the refund worker.
     */
    @ArchTest
    static final ArchRule alipayTypesStayAtTheEdge = noClasses()
            .that().resideOutsideOfPackages("..pay.alipay..", "..pay.notify..", "..pay.web..", "..pay.reconcile..")
            .and().doNotBelongToAnyOf(AlipayPayments.class, Refunds.class)
            .and().doNotHaveFullyQualifiedName("com.changgou.pay.refund.RefundWorker")
            .should().dependOnClassesThat().resideInAPackage("..pay.alipay..");

    /**
     * WeChat's typed records reach only the edges that talk to WeChat: the notify endpoints, the error
     * mapping, reconciliation, {@link Payments}, {@link Refunds} and the refund worker. The outbox, the
     * messages and the confirmation and refund-transition paths see domain types only.
     */
    @ArchTest
    static final ArchRule wechatTypesStayAtTheEdge = noClasses()
            .that().resideOutsideOfPackages("..pay.wechat..", "..pay.notify..", "..pay.web..", "..pay.reconcile..")
            .and().doNotBelongToAnyOf(Payments.class, Refunds.class)
            .and().doNotHaveFullyQualifiedName("com.changgou.pay.refund.RefundWorker")
            .should().dependOnClassesThat().resideInAPackage("..pay.wechat..");

    /** A status, state or actor is an enum with one type handler, never a string. */
    @ArchTest
    static final ArchRule statusesAreNotStrings = noFields()
            .that().areDeclaredInClassesThat().resideInAnyPackage("..pay.payment..", "..pay.reconcile..", "..pay.refund..")
            .and().haveNameMatching("(?i).*(status|state|actor)")
            .should().haveRawType(String.class);

    /** No code strings kept as constants to compare with in the payment domain. */
    @ArchTest
    static final ArchRule noStringConstantsInTheDomain = noFields()
            .that().areDeclaredInClassesThat().resideInAnyPackage("..pay.payment..", "..pay.reconcile..", "..pay.refund..")
            .and().areStatic().and().areFinal()
            .should().haveRawType(String.class);

    /**
     * The pool does not auto-commit (changgou-defaults.yml): the database is reached through MyBatis,
     * which commits what it does outside a transaction. A plain JDBC write there would be rolled back
     * unseen when its connection went back to the pool.
     */
    @ArchTest
    static final ArchRule theDatabaseIsReachedThroughMyBatis = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc.core..");
}
