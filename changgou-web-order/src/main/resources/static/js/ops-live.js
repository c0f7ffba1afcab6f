// The ops console's live page: every 5 s it reads live.json (the pay service's last hour per minute and
// its outbox now) and redraws three ECharts charts. The outbox chart keeps one sample per refresh for as
// long as the page is open, since the pay service reports only the outbox as it stands.
(function () {
    'use strict';
    var REFRESH_MILLIS = 5000;
    var MAX_SAMPLES = 720; // an hour of 5 s samples
    var root = document.getElementById('ops-live');
    var updated = document.getElementById('live-updated');
    var failure = document.getElementById('live-error');
    var charts = {
        payments: chart('chart-payments'),
        refusals: chart('chart-refusals'),
        outbox: chart('chart-outbox')
    };
    var samples = [];

    function chart(id) {
        var element = document.getElementById(id);
        return {element: element, echart: window.echarts.init(element)};
    }

    function clock(iso) {
        var at = new Date(iso);
        return String(at.getHours()).padStart(2, '0') + ':' + String(at.getMinutes()).padStart(2, '0');
    }

    function seconds(iso) {
        return new Date(iso).toLocaleTimeString();
    }

    function base(categories, series, yAxis) {
        return {
            animation: false,
            tooltip: {trigger: 'axis'},
            legend: {top: 0},
            grid: {left: 50, right: 50, top: 30, bottom: 30},
            xAxis: {type: 'category', data: categories},
            yAxis: yAxis || {type: 'value', minInterval: 1},
            series: series
        };
    }

    function draw(target, option, points) {
        target.echart.setOption(option, true);
        target.element.dataset.rendered = 'true';
        target.element.dataset.points = String(points);
    }

    function render(view) {
        var minutes = view.minutes.map(function (m) { return clock(m.minute); });
        draw(charts.payments, base(minutes, [
            {name: 'Started', type: 'line', data: view.minutes.map(function (m) { return m.started; })},
            {name: 'Paid', type: 'line', data: view.minutes.map(function (m) { return m.paid; })}
        ]), view.minutes.length);
        draw(charts.refusals, base(minutes, [
            {name: 'Refused', type: 'bar', itemStyle: {color: '#c62828'}, data: view.minutes.map(function (m) { return m.refused; })}
        ]), view.minutes.length);

        samples.push({at: seconds(view.at), backlog: view.outboxBacklog, age: view.outboxOldestAgeSeconds});
        if (samples.length > MAX_SAMPLES) { samples.shift(); }
        draw(charts.outbox, base(samples.map(function (s) { return s.at; }), [
            {name: 'Waiting', type: 'line', yAxisIndex: 0, data: samples.map(function (s) { return s.backlog; })},
            {name: 'Oldest (s)', type: 'line', yAxisIndex: 1, data: samples.map(function (s) { return s.age; })}
        ], [{type: 'value', name: 'messages', minInterval: 1}, {type: 'value', name: 'seconds', minInterval: 1}]),
            samples.length);

        updated.textContent = new Date().toLocaleTimeString();
        failure.hidden = true;
    }

    function fail(message) {
        failure.textContent = message;
        failure.hidden = false;
    }

    function refresh() {
        fetch(root.dataset.url, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
            .then(function (r) { return r.json().catch(function () { return null; }); })
            .then(function (result) {
                if (result && result.flag && result.data) {
                    render(result.data);
                } else {
                    fail(result && result.message ? result.message : 'The live view cannot be read right now.');
                }
            })
            .catch(function () { fail('The live view cannot be read right now; trying again.'); });
    }

    window.addEventListener('resize', function () {
        Object.keys(charts).forEach(function (name) { charts[name].echart.resize(); });
    });
    refresh();
    window.setInterval(refresh, REFRESH_MILLIS);
}());
