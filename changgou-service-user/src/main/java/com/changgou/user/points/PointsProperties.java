package com.changgou.user.points;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code user.points.*}: how many points a yuan of a paid GOODS order earns ({@code USER_POINTS_PER_YUAN}),
 * and how many of the latest entries the shopper's account shows.
 */
@ConfigurationProperties("user.points")
public record PointsProperties(@DefaultValue("1") long perYuan, @DefaultValue("20") int historySize) {

    public PointsProperties {
        if (perYuan < 0 || perYuan > 10_000) {
            throw new IllegalArgumentException("user.points.per-yuan must be 0 to 10000, not " + perYuan);
        }
        if (historySize < 1 || historySize > 200) {
            throw new IllegalArgumentException("user.points.history-size must be 1 to 200, not " + historySize);
        }
    }

    PointsRule rule() {
        return new PointsRule(perYuan);
    }
}
