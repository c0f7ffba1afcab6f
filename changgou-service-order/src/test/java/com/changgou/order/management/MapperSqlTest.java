package com.changgou.order.management;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** No status code is written into SQL as a string literal: statements bind enums, and type handlers store them. */
class MapperSqlTest {

    @Test
    void noMapperStatementHoldsAQuotedLiteral() throws IOException {
        Resource[] mappers = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:com/changgou/order/**/*Mapper.xml");

        assertThat(mappers).isNotEmpty();
        for (Resource mapper : mappers) {
            assertThat(mapper.getContentAsString(StandardCharsets.UTF_8)).as(mapper.getFilename())
                    .doesNotContainPattern("'[^']*'");
        }
    }
}
