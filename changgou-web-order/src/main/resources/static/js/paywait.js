// What every page waiting on a payment shares (wxpay.js, alipay.js): the countdown, the paynotify push
// first (push.js), polling the payment's status when that fails, and the jump to the receipt once paid.
// Only a broadcast carrying the page's own token moves the page; every other order's is ignored.
window.PayWait = (function () {
    'use strict';
    var POLL_MILLIS = 3000;

    // cfg: {token, expireAt, statusUrl, successUrl, stomp}; the page has #push-status and #countdown.
    function start(cfg) {
        var pushStatus = document.getElementById('push-status');
        var countdown = document.getElementById('countdown');
        var done = false;
        var pollTimer = null;

        function show(text, kind) {
            pushStatus.textContent = text;
            pushStatus.className = 'status' + (kind ? ' ' + kind : '');
        }

        function paid() {
            if (done) { return; }
            done = true;
            show('Paid. Taking you to the receipt\u2026', 'live');
            window.location.assign(cfg.successUrl);
        }

        function onState(state) {
            if (state === 'SUCCESS') { paid(); }
            else if (state === 'CLOSED' || state === 'REVOKED' || state === 'PAYERROR') {
                done = true;
                stopPolling();
                show('This payment is closed and can no longer be paid.', 'fallback');
            }
        }

        function checkOnce() {
            return fetch(cfg.statusUrl, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
                .then(function (r) { return r.ok ? r.json() : null; })
                .then(function (result) { if (result && result.data) { onState(result.data.state); } })
                .catch(function () { /* the next poll tries again */ });
        }

        function startPolling() {
            if (pollTimer || done) { return; }
            show('Live updates unavailable, checking every 3 s.', 'fallback');
            checkOnce();
            pollTimer = window.setInterval(function () { if (!done) { checkOnce(); } }, POLL_MILLIS);
        }

        function stopPolling() {
            if (pollTimer) { window.clearInterval(pollTimer); pollTimer = null; }
        }

        function tick() {
            var left = Math.max(0, cfg.expireAt - Date.now());
            if (!cfg.expireAt) { countdown.textContent = '--:--'; return; }
            var seconds = Math.floor(left / 1000);
            var mm = Math.floor(seconds / 60), ss = seconds % 60;
            countdown.textContent = left > 0 ? (mm < 10 ? '0' : '') + mm + ':' + (ss < 10 ? '0' : '') + ss : 'expired';
            if (left > 0) { window.setTimeout(tick, 1000 - (Date.now() % 1000)); }
        }

        tick();
        window.PayPush.follow(cfg.stomp, cfg.token, {
            message: onState,
            live: function () {
                stopPolling();
                show('Live updates on: this page moves on by itself once you have paid.', 'live');
                // a payment made before the subscription started would otherwise go unnoticed
                checkOnce();
            },
            down: startPolling
        });
    }

    return {start: start};
})();
