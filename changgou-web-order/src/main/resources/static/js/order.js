// The order page keeps its status and refunds current: when the paynotify push (push.js) carries this
// payment's token (the pay service broadcasts when one of its refunds finishes), or every few seconds
// when the push cannot be had, it re-reads the order's small JSON and redraws what changed.
(function () {
    'use strict';
    var cfg = window.ORDER_PAGE;
    var pushStatus = document.getElementById('push-status');
    var pollTimer = null;
    var POLL_MILLIS = 4000;
    var CATCH_UP_MAX_MILLIS = 4800;

    function show(text, kind) {
        pushStatus.textContent = text;
        pushStatus.className = 'status' + (kind ? ' ' + kind : '');
    }

    function cell(text) {
        var td = document.createElement('td');
        td.textContent = text;
        return td;
    }

    function draw(state) {
        document.getElementById('order-status').textContent = state.status;
        document.getElementById('order-status-text').textContent = state.statusText;
        document.getElementById('cancel-form').hidden = !state.cancellable;
        document.getElementById('no-refunds').hidden = state.refunds.length > 0;
        var body = document.querySelector('#refunds tbody');
        body.replaceChildren();
        state.refunds.forEach(function (refund) {
            var tr = document.createElement('tr');
            tr.className = 'refund';
            tr.dataset.state = refund.state;
            tr.dataset.id = refund.id;
            var amount = cell(refund.amountYuan);
            amount.className = 'num';
            tr.append(cell(refund.id), amount,
                cell(refund.stateText + (refund.refusal ? ' (' + refund.refusal + ')' : '')));
            body.appendChild(tr);
        });
    }

    /** Re-reads the order and redraws it; resolves to the status read (undefined when the read failed). */
    function refresh() {
        return fetch(cfg.stateUrl, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (result) {
                if (result && result.data) {
                    draw(result.data);
                    return result.data.status;
                }
                return undefined;
            })
            .catch(function () { return undefined; /* the next push or poll tries again */ });
    }

    // The push is the pay service's, sent when its refund finishes; the order service applies the same
    // result a moment later, so a read right after the push can still see the old status. Read again,
    // backing off (0.3 s doubling to 4.8 s), until the status moves.
    function catchUp(before, delay) {
        refresh().then(function (status) {
            if ((status === undefined || status === before) && delay <= CATCH_UP_MAX_MILLIS) {
                window.setTimeout(function () { catchUp(before, delay * 2); }, delay);
            }
        });
    }

    function startPolling() {
        if (pollTimer) { return; }
        show('Live updates unavailable, checking every 4 s.', 'fallback');
        refresh();
        pollTimer = window.setInterval(refresh, POLL_MILLIS);
    }

    window.PayPush.follow(cfg.stomp, cfg.token, {
        message: function () { catchUp(document.getElementById('order-status').textContent, 300); },
        live: function () {
            if (pollTimer) { window.clearInterval(pollTimer); pollTimer = null; }
            show('Live updates on: refunds show here as they happen.', 'live');
            // a refund that finished before the subscription started would otherwise go unnoticed
            refresh();
        },
        down: startPolling
    });
})();
