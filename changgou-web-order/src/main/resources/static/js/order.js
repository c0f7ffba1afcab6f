// The order page keeps its status and refunds current: when the paynotify push (push.js) carries this
// payment's token (the pay service broadcasts when one of its refunds finishes), or every few seconds
// when the push cannot be had, it re-reads the order's small JSON and redraws what changed.
(function () {
    'use strict';
    var cfg = window.ORDER_PAGE;
    var pushStatus = document.getElementById('push-status');
    var pollTimer = null;
    var POLL_MILLIS = 4000;

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

    function refresh() {
        return fetch(cfg.stateUrl, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (result) { if (result && result.data) { draw(result.data); } })
            .catch(function () { /* the next push or poll tries again */ });
    }

    function startPolling() {
        if (pollTimer) { return; }
        show('Live updates unavailable, checking every 4 s.', 'fallback');
        refresh();
        pollTimer = window.setInterval(refresh, POLL_MILLIS);
    }

    window.PayPush.follow(cfg.stomp, cfg.token, {
        message: function () { refresh(); },
        live: function () {
            if (pollTimer) { window.clearInterval(pollTimer); pollTimer = null; }
            show('Live updates on: refunds show here as they happen.', 'live');
            // a refund that finished before the subscription started would otherwise go unnoticed
            refresh();
        },
        down: startPolling
    });
})();
