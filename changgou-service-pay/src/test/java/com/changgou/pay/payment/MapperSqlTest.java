package com.changgou.pay.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.scripting.xmltags.DynamicSqlSource;
import org.apache.ibatis.session.Configuration;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** How pay's SQL is written: no status as a quoted literal, and the notification's statements parsed once. */
class MapperSqlTest {

    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    /** Statements bind enums, and type handlers store them. */
    @Test
    void noMapperStatementHoldsAQuotedLiteral() throws IOException {
        Resource[] mappers = resolver.getResources("classpath*:com/changgou/pay/**/*Mapper.xml");

        assertThat(mappers).isNotEmpty();
        for (Resource mapper : mappers) {
            assertThat(mapper.getContentAsString(StandardCharsets.UTF_8)).as(mapper.getFilename())
                    .doesNotContainPattern("'[^']*'");
        }
    }

    /**
     * A statement with a tag in it ({@code <bind>}, {@code <if>}...) is dynamic: MyBatis builds and parses its
     * SQL again on every call. The ones each paid notification runs are static, parsed once at start-up. (The
     * outbox's insert stays dynamic: its rows are a list.)
     */
    @Test
    void theStatementsEveryPaidNotificationRunsAreParsedOnce() throws IOException {
        Configuration configuration = new Configuration();
        configuration.getTypeHandlerRegistry().register("com.changgou.pay.payment");
        for (Resource mapper : resolver.getResources("classpath*:com/changgou/**/*Mapper.xml")) {
            try (InputStream in = mapper.getInputStream()) {
                new XMLMapperBuilder(in, configuration, mapper.getURI().toString(), configuration.getSqlFragments())
                        .parse();
            }
        }

        assertThat(List.of("com.changgou.pay.payment.PayRecordMapper.findByOutTradeNo",
                "com.changgou.pay.payment.PayRecordMapper.markPaid",
                "com.changgou.pay.payment.PayRecordMapper.insertLog",
                "com.changgou.pay.notifylog.NotifyLogMapper.insert"))
                .allSatisfy(id -> assertThat(configuration.getMappedStatement(id).getSqlSource()).as(id)
                        .isNotInstanceOf(DynamicSqlSource.class));
    }
}
