/**
 * The events page's script. It asks `/micro/ui/events` for the rows that match the
 * filters (at most 200), and `/micro/ui/event` for one event when a
 * row is opened, so the page never downloads the store. Plain ES2017, no build step.
 */
/** How often the page polls, in ms. */
export const UI_POLL_MS = 1500;

export const UI_SCRIPT = `'use strict';
(function () {
  var list = document.getElementById('events');
  var rows = new Map();
  var inputs = { kind: 'f-kind', type: 'f-type', schema: 'f-schema', app: 'f-app', q: 'f-q' };
  var timer = 0;

  document.getElementById('endpoint').textContent = location.origin + '/com.snowplowanalytics.snowplow/tp2';

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function json(value) { return JSON.stringify(value, null, 2); }

  function fold(title, value, open, className) {
    var box = el('details', className);
    if (open) box.open = true;
    box.append(el('summary', 'entity-name', title), el('pre', '', json(value)));
    return box;
  }

  function build(item) {
    var row = el('li', 'event ' + item.kind);
    row.dataset.id = String(item.id);
    var details = el('details');
    var summary = el('summary');
    var type = (item.e || 'request') + (item.kind === 'good' ? ' ' + item.eventType : '');
    var schema = el('span', 'schema', item.schema || '');
    if (item.entities.length) schema.append(el('span', 'entities', item.entities.length + (item.entities.length === 1 ? ' entity: ' : ' entities: ') + item.entities.join(', ')));
    summary.append(
      el('span', 'badge', item.kind),
      el('span', 'time', new Date(item.receivedAt).toLocaleTimeString()),
      el('span', 'type', type),
      schema,
      el('span', 'app', item.app ? 'app ' + item.app : '')
    );
    details.append(summary);
    details.addEventListener('toggle', function () { if (details.open) open(details, item.id); });
    row.append(details);
    if (item.kind === 'bad') {
      var errors = el('ul', 'errors');
      item.errors.forEach(function (message) { errors.append(el('li', '', message)); });
      row.append(errors);
    }
    return row;
  }

  function open(details, id) {
    if (details.querySelector('.detail')) return;
    var box = el('div', 'detail', 'loading…');
    details.append(box);
    fetch('/micro/ui/event?id=' + encodeURIComponent(id)).then(function (r) {
      if (!r.ok) throw new Error('the event is gone (reset or dropped)');
      return r.json();
    }).then(function (event) {
      box.textContent = '';
      if (event.kind === 'good') {
        if (event.unstructEvent) {
          box.append(el('h3', '', 'Self-describing event'), fold(event.unstructEvent.schema, event.unstructEvent.data, true));
        }
        box.append(el('h3', '', event.entities.length ? 'Entities (' + event.entities.length + ')' : 'No entities'));
        event.entities.forEach(function (entity) { box.append(fold(entity.schema, entity.data, false, 'entity')); });
        box.append(el('h3', '', 'Fields'), fold('decoded fields as sent', event.parameters, true));
        box.append(el('h3', '', 'Enriched event'), fold('atomic fields, as Snowplow Micro shows them', event.event, false));
      } else {
        box.append(el('h3', '', 'Request'), fold('collector payload', event.collectorPayload, true));
        if (event.rawEvent) box.append(el('h3', '', 'Event'), fold('fields as sent', event.rawEvent.parameters, true));
      }
    }).catch(function (error) { box.textContent = error.message; });
  }

  function render(page) {
    var keep = new Set();
    page.rows.forEach(function (item, index) {
      keep.add(item.id);
      var row = rows.get(item.id);
      if (!row) { row = build(item); rows.set(item.id, row); }
      if (list.children[index] !== row) list.insertBefore(row, list.children[index] || null);
    });
    rows.forEach(function (row, id) { if (!keep.has(id)) { row.remove(); rows.delete(id); } });
    document.getElementById('empty').hidden = page.rows.length > 0;
    var matched = page.matched === null ? 'many' : String(page.matched);
    document.getElementById('shown').textContent = page.rows.length < (page.matched || 0) || page.matched === null
      ? 'Showing the newest ' + page.rows.length + ' of ' + matched + ' matching events' : '';
    suggest('l-type', page.suggestions.types);
    suggest('l-schema', page.suggestions.schemas);
    suggest('l-app', page.suggestions.apps);
  }

  function suggest(id, values) {
    var box = document.getElementById(id);
    if (box.dataset.values === values.join('\\n')) return;
    box.dataset.values = values.join('\\n');
    box.replaceChildren.apply(box, values.map(function (value) { var option = el('option'); option.value = value; return option; }));
  }

  function showCounts(counts) {
    document.getElementById('counts').replaceChildren(
      el('b', 'good', String(counts.good)), ' good, ',
      el('b', 'bad', String(counts.bad)), ' bad'
    );
  }

  function query() {
    var params = new URLSearchParams();
    Object.keys(inputs).forEach(function (name) {
      var value = document.getElementById(inputs[name]).value.trim();
      if (value) params.set(name, value);
    });
    return params.toString();
  }

  var busy = false;
  var again = false;
  function refresh() {
    clearTimeout(timer);
    // One request at a time: a filter change during a poll runs right after it.
    if (busy) { again = true; return; }
    busy = true;
    fetch('/micro/ui/events?' + query())
      .then(function (r) { if (!r.ok) throw new Error('/micro/ui/events answered ' + r.status); return r.json(); })
      .then(function (page) {
        showCounts(page.counts);
        render(page);
        document.getElementById('status').textContent = '';
      })
      .catch(function (error) {
        document.getElementById('status').textContent = 'Cannot reach the collector: ' + error.message;
      })
      .then(function () {
        busy = false;
        if (again) { again = false; refresh(); } else { timer = setTimeout(refresh, ${UI_POLL_MS}); }
      });
  }

  var typing = 0;
  document.getElementById('filters').addEventListener('input', function () {
    clearTimeout(typing);
    typing = setTimeout(refresh, 200);
  });
  document.getElementById('filters').addEventListener('submit', function (event) { event.preventDefault(); refresh(); });
  document.getElementById('reset').addEventListener('click', function () {
    fetch('/micro/reset', { method: 'POST' }).then(refresh);
  });
  refresh();
})();
`;
