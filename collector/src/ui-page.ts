/**
 * The events page at `/micro/ui`: plain HTML and a stylesheet (here) and a script
 * (ui-script.ts), no framework. Event data is attacker-controlled text: the script
 * builds every node with `textContent`, and the page is served under a strict CSP.
 */
export { UI_SCRIPT } from './ui-script.js';

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
<form id="filters" role="search" aria-label="Filter events">
  <label>Show <select id="f-kind"><option value="">good and bad</option><option value="good">good only</option><option value="bad">bad only</option></select></label>
  <label>Event type <input id="f-type" list="l-type" placeholder="any" autocomplete="off"></label>
  <label>Schema <input id="f-schema" list="l-schema" placeholder="any" autocomplete="off" class="wide"></label>
  <label>App id <input id="f-app" list="l-app" placeholder="any" autocomplete="off"></label>
  <label>Search <input id="f-q" type="search" placeholder="text in the payload" autocomplete="off" class="wide"></label>
  <datalist id="l-type"></datalist><datalist id="l-schema"></datalist><datalist id="l-app"></datalist>
</form>
<p id="status" role="status"></p>
<figure id="chart" aria-label="Events per minute, the last 30 minutes of stored events">
  <svg id="bars" viewBox="0 0 300 60" preserveAspectRatio="none" role="img"></svg>
  <figcaption id="chart-caption"></figcaption>
</figure>
<details id="columns">
  <summary>Columns</summary>
  <input id="columns-find" type="search" placeholder="find an atomic field" autocomplete="off">
  <div id="columns-list" role="group" aria-label="Atomic fields shown in each row"></div>
</details>
<section id="plan" aria-label="Tracking plan coverage" hidden></section>
<main>
  <nav id="pager" aria-label="Pages of events">
    <button type="button" id="newer" disabled>Newer</button>
    <span id="shown"></span>
    <button type="button" id="older" disabled>Older</button>
  </nav>
  <p id="empty" hidden>No events match. Events are sent to <code id="endpoint"></code>.</p>
  <ol id="events" aria-label="Events, newest first"></ol>
</main>
<aside id="panel" hidden aria-label="Event as JSON">
  <header><h2 id="panel-title">JSON</h2><button type="button" id="panel-copy">Copy</button><button type="button" id="panel-close">Close</button></header>
  <pre id="panel-json"></pre>
</aside>
<script src="/micro/ui.js"></script>
<script src="/micro/plan.js"></script>
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
#filters { display: flex; flex-wrap: wrap; gap: 0.6rem 1.2rem; padding: 0.7rem 1.5rem; background: #fff; border-bottom: 1px solid var(--line); }
#filters label { display: flex; align-items: center; gap: 0.4rem; color: var(--muted); font-size: 0.9rem; }
#filters input, #filters select { font: inherit; color: #1d2330; padding: 0.25rem 0.45rem; border: 1px solid var(--line); border-radius: 5px; min-width: 9rem; }
#filters input.wide { min-width: 20rem; }
#status { margin: 0; padding: 0 1.5rem; color: var(--bad); min-height: 0.5rem; }
#shown { margin: 0.3rem 0; color: var(--muted); font-size: 0.9rem; }
main { padding: 0.5rem 1.5rem 2rem; }
ol { list-style: none; margin: 0; padding: 0; }
li.event { background: #fff; border: 1px solid var(--line); border-left: 5px solid var(--good); border-radius: 6px; margin: 0.5rem 0; }
li.event.bad { border-left-color: var(--bad); }
summary { display: grid; grid-template-columns: 3.5rem 6rem minmax(8rem, 12rem) minmax(0, 1fr) minmax(6rem, 14rem); gap: 0.75rem; align-items: baseline; padding: 0.55rem 0.8rem; cursor: pointer; }
summary > span { overflow-wrap: anywhere; }
.badge { font-weight: 600; text-transform: uppercase; font-size: 0.78rem; letter-spacing: 0.04em; }
.good .badge { color: var(--good); }
.bad .badge { color: var(--bad); }
.time, .app { color: var(--muted); font-variant-numeric: tabular-nums; }
.type, .schema, .entity-name { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 0.85rem; }
.entities { display: block; color: var(--muted); font-size: 0.8rem; margin-top: 0.15rem; }
ul.errors { margin: 0 0.8rem 0.6rem 4.3rem; padding: 0 0 0 1rem; color: var(--bad); }
ul.errors li { margin: 0.15rem 0; overflow-wrap: anywhere; }
.detail { border-top: 1px solid var(--line); padding: 0.4rem 0.8rem 0.8rem; }
.detail h3 { font-size: 0.85rem; margin: 0.6rem 0 0.3rem; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
.detail details { margin: 0.25rem 0; }
.detail details > summary { display: block; padding: 0.2rem 0; }
pre { margin: 0; padding: 0.8rem; background: #f0f2f5; border-radius: 4px; overflow: auto; max-height: 28rem; font-size: 0.82rem; white-space: pre-wrap; overflow-wrap: anywhere; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
#chart { margin: 0.6rem 1.5rem 0; padding: 0.5rem 0.8rem; background: #fff; border: 1px solid var(--line); border-radius: 6px; }
#bars { display: block; width: 100%; height: 60px; }
#bars rect.good { fill: var(--good); }
#bars rect.bad { fill: var(--bad); }
#chart figcaption { color: var(--muted); font-size: 0.8rem; }
#columns { margin: 0.5rem 1.5rem 0; }
#columns > summary { display: inline; padding: 0; color: var(--muted); }
#columns-list { display: flex; flex-wrap: wrap; gap: 0.2rem 0.9rem; max-height: 12rem; overflow: auto; padding: 0.4rem 0; font-size: 0.82rem; }
#columns-list label { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
#pager { display: flex; align-items: center; gap: 0.8rem; }
#pager button, #panel button, .json-button { font: inherit; font-size: 0.85rem; padding: 0.2rem 0.7rem; border: 1px solid var(--line); border-radius: 5px; background: #fff; cursor: pointer; }
dl.cols { display: flex; flex-wrap: wrap; gap: 0.2rem 1rem; margin: 0 0.8rem 0.5rem 4.3rem; font-size: 0.82rem; }
dl.cols div { display: flex; gap: 0.35rem; }
dl.cols dt { color: var(--muted); font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
dl.cols dd { margin: 0; overflow-wrap: anywhere; }
#panel { position: fixed; top: 0; right: 0; bottom: 0; width: min(40rem, 90vw); background: #fff; border-left: 1px solid var(--line); box-shadow: -4px 0 16px rgba(0,0,0,0.08); display: flex; flex-direction: column; }
#panel[hidden] { display: none; }
#panel header { display: flex; gap: 0.6rem; align-items: center; }
#panel h2 { font-size: 1rem; margin: 0 auto 0 0; }
#panel pre { flex: 1; max-height: none; margin: 0 0.8rem 0.8rem; }
`;
