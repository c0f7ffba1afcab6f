// Follows the paynotify push over RabbitMQ Web STOMP for the pages that wait on a payment (paywait.js)
// or on its refunds (order.js). The WebSocket goes to the shop's own origin (the gateway proxies it to
// the broker) unless a URL is configured. The page subscribes to its own payment's token on the topic
// exchange bound to paynotify (destination/<token>), so only its own payment's push reaches it; the
// token is checked again on each frame all the same.
window.PayPush = (function () {
    'use strict';

    function brokerUrl(stomp) {
        if (stomp.url) { return stomp.url; }
        var scheme = window.location.protocol === 'https:' ? 'wss://' : 'ws://';
        return scheme + window.location.host + stomp.path;
    }

    // on.message(state) for each broadcast with this token; on.live() once subscribed;
    // on.down() when the push cannot be had (no client, no connection within 5 s, or lost).
    function follow(stomp, token, on) {
        if (typeof Stomp === 'undefined' || !token) { on.down(); return; }
        var client;
        try { client = Stomp.client(brokerUrl(stomp)); } catch (e) { on.down(); return; }
        client.debug = null;
        client.heartbeat.outgoing = 10000;
        client.heartbeat.incoming = 10000;
        var connected = false;
        var giveUp = window.setTimeout(function () { if (!connected) { on.down(); } }, 5000);
        client.connect({login: stomp.login, passcode: stomp.passcode, host: stomp.vhost},
            function () {
                connected = true;
                window.clearTimeout(giveUp);
                client.subscribe(stomp.destination + '/' + token, function (frame) {
                    var message;
                    try { message = JSON.parse(frame.body); } catch (e) { return; }
                    if (message && message.token === token) { on.message(message.state); }
                });
                on.live();
            },
            function () {
                window.clearTimeout(giveUp);
                on.down();
            });
    }

    return {follow: follow};
})();
