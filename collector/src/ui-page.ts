/**
 * The events page at `/micro/ui`: plain HTML, a stylesheet and a script, no
 * framework. The script polls `/micro/good` and `/micro/bad` and builds rows
 * with `textContent` only, because event data is attacker-controlled text.
 */

/** How many of the newest good and bad events the page shows. */
export const UI_EVENT_LIMIT = 200;

/** How often the page polls, in ms. */
export const UI_POLL_MS = 1500;

export const UI_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>isotrack collector: events</title>
<link rel="stylesheet" href="/micro/ui.css">
<link rel="icon" href="data:,">
</head>
<body>
<header>
  <h1>isotrack collector</h1>
  <p id="counts" aria-live="polite">loading…</p>
  <button type="button" id="reset">Clear all events</button>
</header>
<p id="status" role="status"></p>
<main>
  <p id="empty" hidden>No events yet. Send some to <code id="endpoint"></code>.</p>
  <ol id="events" aria-label="Events, newest first"></ol>
</main>
<script src="/micro/ui.js"></script>
</body>
</html>
`;

export const UI_CSS = `
:root { color-scheme: light; --good: #13795b; --bad: #b42318; --muted: #5b6472; --line: #d9dee5; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2330; background: #f6f7f9; }
header { display: flex; align-items: baseline; gap: 1.5rem; padding: 0.9rem 1.5rem; background: #fff; border-bottom: 1px solid var(--line); }
h1 { font-size: 1.2rem; margin: 0; }
#counts { margin: 0; color: var(--muted); }
#counts b.good { color: var(--good); }
#counts b.bad { color: var(--bad); }
#reset { margin-left: auto; font: inherit; padding: 0.3rem 0.8rem; border: 1px solid var(--line); border-radius: 6px; background: #fff; cursor: pointer; }
#status { margin: 0; padding: 0 1.5rem; color: var(--bad); min-height: 0.5rem; }
main { padding: 0.5rem 1.5rem 2rem; }
ol { list-style: none; margin: 0; padding: 0; }
li.event { background: #fff; border: 1px solid var(--line); border-left: 5px solid var(--good); border-radius: 6px; margin: 0.5rem 0; }
li.event.bad { border-left-color: var(--bad); }
summary { display: grid; grid-template-columns: 3.5rem 6rem 9.5rem minmax(0, 1fr) 12rem; gap: 0.75rem; align-items: baseline; padding: 0.55rem 0.8rem; cursor: pointer; }
summary > span { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.badge { font-weight: 600; text-transform: uppercase; font-size: 0.78rem; letter-spacing: 0.04em; }
.good .badge { color: var(--good); }
.bad .badge { color: var(--bad); }
.time, .app { color: var(--muted); font-variant-numeric: tabular-nums; }
.type { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 0.9rem; }
.schema { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 0.85rem; }
ul.errors { margin: 0 0.8rem 0.6rem 4.3rem; padding: 0 0 0 1rem; color: var(--bad); }
ul.errors li { margin: 0.15rem 0; overflow-wrap: anywhere; }
pre { margin: 0; padding: 0.8rem; background: #f0f2f5; border-top: 1px solid var(--line); overflow: auto; max-height: 28rem; font-size: 0.82rem; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
`;

// Plain ES2017 so that the page runs in any current browser without a build step.
export const UI_SCRIPT = `'use strict';
(function () {
  var LIMIT = ${UI_EVENT_LIMIT};
  var list = document.getElementById('events');
  var rows = new Map();

  document.getElementById('endpoint').textContent = location.origin + '/com.snowplowanalytics.snowplow/tp2';

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function build(kind, item) {
    var params = kind === 'good' ? item.rawEvent.parameters : (item.rawEvent ? item.rawEvent.parameters : {});
    var type = params.e ? String(params.e) : 'request';
    if (kind === 'good') type += ' ' + item.eventType;
    var schema = kind === 'good'
      ? (item.schema || (item.contexts.length ? item.contexts.length + ' entities' : '')) : item.collectorPayload.path;
    var row = el('li', 'event ' + kind);
    row.dataset.id = String(item.id);
    var details = el('details');
    var summary = el('summary');
    summary.append(
      el('span', 'badge', kind),
      el('span', 'time', new Date(item.receivedAt).toLocaleTimeString()),
      el('span', 'type', type),
      el('span', 'schema', schema),
      el('span', 'app', params.aid ? 'app ' + params.aid : '')
    );
    summary.children[3].title = schema;
    var shown = kind === 'good'
      ? { event: item.event, contexts: item.contexts, rawEvent: item.rawEvent }
      : { errors: item.errors, collectorPayload: item.collectorPayload, rawEvent: item.rawEvent };
    details.append(summary, el('pre', '', JSON.stringify(shown, null, 2)));
    row.append(details);
    if (kind === 'bad') {
      var errors = el('ul', 'errors');
      item.errors.forEach(function (message) { errors.append(el('li', '', message)); });
      row.append(errors);
    }
    return row;
  }

  function render(good, bad) {
    var items = good.map(function (e) { return ['good', e]; })
      .concat(bad.map(function (e) { return ['bad', e]; }))
      .sort(function (a, b) { return b[1].id - a[1].id; });
    var keep = new Set();
    items.forEach(function (entry, index) {
      var id = entry[1].id;
      keep.add(id);
      var row = rows.get(id);
      if (!row) { row = build(entry[0], entry[1]); rows.set(id, row); }
      if (list.children[index] !== row) list.insertBefore(row, list.children[index] || null);
    });
    rows.forEach(function (row, id) { if (!keep.has(id)) { row.remove(); rows.delete(id); } });
    document.getElementById('empty').hidden = items.length > 0;
  }

  function post(path, body) {
    return fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) { if (!r.ok) throw new Error(path + ' answered ' + r.status); return r.json(); });
  }

  function showCounts(counts) {
    var node = document.getElementById('counts');
    node.replaceChildren(
      el('b', 'good', String(counts.good)), ' good, ',
      el('b', 'bad', String(counts.bad)), ' bad',
      counts.total > 2 * LIMIT ? ' (showing the newest ' + LIMIT + ' of each)' : ''
    );
  }

  function refresh() {
    return Promise.all([fetch('/micro/all').then(function (r) { return r.json(); }),
      post('/micro/good', { limit: LIMIT }), post('/micro/bad', { limit: LIMIT })])
      .then(function (results) {
        showCounts(results[0]);
        render(results[1], results[2]);
        document.getElementById('status').textContent = '';
      })
      .catch(function (error) {
        document.getElementById('status').textContent = 'Cannot reach the collector: ' + error.message;
      });
  }

  document.getElementById('reset').addEventListener('click', function () {
    fetch('/micro/reset').then(refresh);
  });
  refresh();
  setInterval(refresh, ${UI_POLL_MS});
})();
`;
