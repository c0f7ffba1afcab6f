// The paysuccess page's "This order earned N points": the points arrive over the broker a moment after
// the payment, so until they are in, ask the page's small JSON every 2 s for up to a minute.
(function () {
    'use strict';
    var el = document.getElementById('points-earned');
    var url = el && el.dataset.url;
    if (!url) { return; }
    var POLL_MILLIS = 2000;
    var tries = 30;

    function ask() {
        tries -= 1;
        fetch(url, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (result) {
                if (result && result.data) {
                    el.textContent = result.data.text;
                    el.hidden = false;
                } else if (tries > 0) {
                    window.setTimeout(ask, POLL_MILLIS);
                }
            })
            .catch(function () { if (tries > 0) { window.setTimeout(ask, POLL_MILLIS); } });
    }

    window.setTimeout(ask, POLL_MILLIS);
})();
