package com.changgou.e2e.support;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;

/** Listens on the {@code paynotify} fanout like a browser does, collecting every broadcast. */
public final class PayNotifySubscriber implements AutoCloseable {

    private final Connection connection;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();

    private PayNotifySubscriber(Connection connection) {
        this.connection = connection;
    }

    public static PayNotifySubscriber subscribe(Suite suite) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setVirtualHost(suite.vhost());
        try {
            Connection connection = factory.newConnection("e2e-paynotify");
            PayNotifySubscriber subscriber = new PayNotifySubscriber(connection);
            Channel channel = connection.createChannel();
            String queue = channel.queueDeclare().getQueue();
            channel.queueBind(queue, "paynotify", "");
            channel.basicConsume(queue, true, (tag, delivery) ->
                    subscriber.received.add(Http.JSON.readTree(new String(delivery.getBody(), StandardCharsets.UTF_8))),
                    tag -> { });
            return subscriber;
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("cannot subscribe to paynotify in vhost " + suite.vhost(), e);
        }
    }

    public List<JsonNode> received() {
        return List.copyOf(received);
    }

    public List<JsonNode> withToken(String token) {
        return received.stream().filter(m -> token.equals(m.path("token").asString())).toList();
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
