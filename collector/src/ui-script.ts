/**
 * The events page's script. It asks `/micro/ui/events` for one page of rows that match
 * the filters (200, from `offset`), with the chosen atomic fields as columns and the
 * per-minute counts for the chart, and `/micro/ui/event` for one event when a row is
 * opened, so the page never downloads the store. Plain ES2017, no build step.
 */
import { ATOMIC_FIELDS } from './atomic-fields.js';

/** How often the page polls, in ms. */
export const UI_POLL_MS = 1500;

export const UI_SCRIPT = `'use strict';
(function () {
  var list = document.getElementById('events');
  var rows = new Map();
  var inputs = { kind: 'f-kind', type: 'f-type', schema: 'f-schema', app: 'f-app', q: 'f-q' };
  var timer = 0;
  var offset = 0;
  var PAGE = 200;
  var FIELDS = ${JSON.stringify(ATOMIC_FIELDS)};
  var columns = loadColumns();
  var SVG = 'http://www.w3.org/2000/svg';

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
    var names = Object.keys(item.columns || {});
    if (names.length) {
      var cols = el('dl', 'cols');
      names.forEach(function (name) {
        var value = item.columns[name];
        var pair = el('div');
        pair.append(el('dt', '', name), el('dd', '', value === null ? '∅' : typeof value === 'object' ? JSON.stringify(value) : value));
        cols.append(pair);
      });
      row.append(cols);
    }
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
      var button = el('button', 'json-button', 'JSON');
      button.type = 'button';
      button.addEventListener('click', function () { showPanel('Event ' + id + ' (' + event.kind + ')', event); });
      box.append(button);
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
    document.getElementById('shown').textContent = page.rows.length
      ? 'Events ' + (page.offset + 1) + '–' + (page.offset + page.rows.length) + ' of ' + matched + ' matching, newest first' : '';
    document.getElementById('newer').disabled = page.offset === 0;
    document.getElementById('older').disabled = page.matched !== null && page.offset + page.rows.length >= page.matched;
    drawChart(page.perMinute);
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

  function drawChart(minutes) {
    var svg = document.getElementById('bars');
    var width = 300 / Math.max(minutes.length, 1);
    var top = Math.max(1, Math.max.apply(null, minutes.map(function (m) { return m.good + m.bad; })));
    var bars = [];
    var total = 0;
    minutes.forEach(function (m, i) {
      total += m.good + m.bad;
      var group = document.createElementNS(SVG, 'g');
      var title = document.createElementNS(SVG, 'title');
      title.textContent = m.minute.slice(11) + ' UTC: ' + m.good + ' good, ' + m.bad + ' bad';
      group.append(title);
      var y = 60;
      [['good', m.good], ['bad', m.bad]].forEach(function (part) {
        var h = (part[1] / top) * 58;
        if (!h) return;
        y -= h;
        var rect = document.createElementNS(SVG, 'rect');
        rect.setAttribute('class', part[0]);
        rect.setAttribute('x', String(i * width + 0.5));
        rect.setAttribute('width', String(Math.max(width - 1, 0.5)));
        rect.setAttribute('y', String(y));
        rect.setAttribute('height', String(h));
        group.append(rect);
      });
      bars.push(group);
    });
    svg.replaceChildren.apply(svg, bars);
    document.getElementById('chart-caption').textContent = minutes.length
      ? 'Good and bad events per minute, ' + minutes[0].minute.slice(11) + '–' + minutes[minutes.length - 1].minute.slice(11) + ' UTC (' + total + ' events, busiest minute ' + top + ')'
      : 'No events yet';
  }

  function loadColumns() {
    try {
      var saved = JSON.parse(localStorage.getItem('isotrack.columns') || '[]');
      return Array.isArray(saved) ? saved.filter(function (name) { return FIELDS.indexOf(name) >= 0; }) : [];
    } catch (error) { return []; }
  }

  function buildPicker() {
    var box = document.getElementById('columns-list');
    FIELDS.forEach(function (name) {
      var label = el('label');
      var box2 = el('input');
      box2.type = 'checkbox';
      box2.value = name;
      box2.checked = columns.indexOf(name) >= 0;
      box2.addEventListener('change', function () {
        columns = FIELDS.filter(function (field) { return field === name ? box2.checked : columns.indexOf(field) >= 0; });
        try { localStorage.setItem('isotrack.columns', JSON.stringify(columns)); } catch (error) { /* private mode */ }
        rows.forEach(function (row) { row.remove(); });
        rows.clear();
        refresh();
      });
      label.append(box2, ' ' + name);
      box.append(label);
    });
    document.getElementById('columns-find').addEventListener('input', function (event) {
      var text = event.target.value.trim().toLowerCase();
      Array.prototype.forEach.call(box.children, function (label) { label.hidden = text !== '' && label.textContent.toLowerCase().indexOf(text) < 0; });
    });
  }

  function showPanel(title, value) {
    document.getElementById('panel-title').textContent = title;
    document.getElementById('panel-json').textContent = json(value);
    document.getElementById('panel').hidden = false;
  }

  function query() {
    var params = new URLSearchParams();
    Object.keys(inputs).forEach(function (name) {
      var value = document.getElementById(inputs[name]).value.trim();
      if (value) params.set(name, value);
    });
    if (offset) params.set('offset', String(offset));
    if (columns.length) params.set('columns', columns.join(','));
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
    offset = 0;
    clearTimeout(typing);
    typing = setTimeout(refresh, 200);
  });
  document.getElementById('filters').addEventListener('submit', function (event) { event.preventDefault(); refresh(); });
  document.getElementById('reset').addEventListener('click', function () {
    offset = 0;
    fetch('/micro/reset', { method: 'POST' }).then(refresh);
  });
  document.getElementById('newer').addEventListener('click', function () { offset = Math.max(0, offset - PAGE); refresh(); });
  document.getElementById('older').addEventListener('click', function () { offset += PAGE; refresh(); });
  document.getElementById('panel-close').addEventListener('click', function () { document.getElementById('panel').hidden = true; });
  document.getElementById('panel-copy').addEventListener('click', function () {
    if (navigator.clipboard) navigator.clipboard.writeText(document.getElementById('panel-json').textContent);
  });
  buildPicker();
  refresh();
})();
`;
