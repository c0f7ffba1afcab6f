package com.changgou.gateway.security;

import io.lettuce.core.resource.NettyCustomizer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sets a Redis connection reading again when Lettuce's back-pressure left it paused.
 *
 * <p>Lettuce stops reading a connection ({@code autoRead} off) when a reply that streams its elements
 * (a session's {@code HGETALL}) arrives in pieces while its subscriber still holds elements it has not
 * taken, and starts again when the subscriber asks for more. The two run on different threads with no
 * lock between the check and the switch: when the subscriber takes the last element and asks between
 * the I/O thread's check and its switch, the ask finds the connection still reading and does nothing,
 * and then the switch turns reading off for good. Every command on the shared connection then waits
 * until the first one times out (its error asks again), 5 s later: the session reads and saves that
 * timed out together under load, a few shoppers getting a 500 (Lettuce 7.5.2 and its newest release
 * alike; see docs/architecture.md).
 *
 * <p>Every reply the gateway asks Redis for is a few fields it takes at once, so a connection that has
 * not read for two ticks is paused by that race, not by a slow reader: it is set reading again and
 * counted ({@code changgou.redis.reads.resumed}), so an operator sees how often it happens.
 */
@Configuration(proxyBeanMethods = false)
class StalledRedisReads {

    private static final Logger log = LoggerFactory.getLogger(StalledRedisReads.class);

    /** How often each connection is looked at; a pause seen twice in a row (100–200 ms) is ended. */
    static final Duration TICK = Duration.ofMillis(100);

    @Bean
    Watch stalledRedisReadsWatch(MeterRegistry meters) {
        return new Watch(Counter.builder("changgou.redis.reads.resumed")
                .description("Redis connections set reading again after Lettuce's back-pressure left them paused")
                .register(meters));
    }

    @Bean
    ClientResourcesBuilderCustomizer watchRedisConnections(Watch watch) {
        return resources -> resources.nettyCustomizer(watch);
    }

    /** Watches each connection Lettuce opens, on the connection's own event loop, until it closes. */
    static final class Watch implements NettyCustomizer {

        private final ChannelGroup watched = new DefaultChannelGroup("redis", GlobalEventExecutor.INSTANCE);
        private final Counter resumed;

        Watch(Counter resumed) {
            this.resumed = resumed;
        }

        @Override
        public void afterChannelInitialized(Channel channel) {
            watched.add(channel);
            Pauses pauses = new Pauses(channel);
            ScheduledFuture<?> ticks = channel.eventLoop()
                    .scheduleAtFixedRate(pauses::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
            channel.closeFuture().addListener(closed -> ticks.cancel(false));
        }

        /** The Redis connections open now. */
        Set<Channel> connections() {
            return watched;
        }

        /** Runs on the channel's event loop, as Lettuce's own switching of its reading does. */
        private final class Pauses {

            private final Channel channel;
            private boolean pausedAtLastTick;

            Pauses(Channel channel) {
                this.channel = channel;
            }

            void tick() {
                boolean paused = !channel.config().isAutoRead();
                if (paused && pausedAtLastTick) {
                    channel.config().setAutoRead(true);
                    resumed.increment();
                    log.warn("Redis connection {} had not read for over {} ms (Lettuce's back-pressure race); reading again",
                            channel.remoteAddress(), TICK.toMillis());
                    paused = false;
                }
                pausedAtLastTick = paused;
            }
        }
    }
}
