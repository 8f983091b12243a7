/**
 * Tracking-plan coverage: given the plan file of `isotrack-codegen`
 * (`isotrack.codegen.json`), how many good and bad events each planned schema has
 * among the stored events, which planned schemas were never seen, and which schemas
 * arrived without being in the plan. Served as `/micro/plan` and shown on the events
 * page (by `/micro/plan.js`, so that the page's own script is untouched).
 *
 * A schema counts for an event when it is the event's self-describing event or one of
 * its entities. Bad events count by what they tried to send (decoded from `ue_pr`/
 * `ue_px`/`co`/`cx` as far as they decode). The counts cover the events the collector
 * keeps (`maxEvents`), and start again at a reset, like the events list.
 */
import { igluUri } from '../../codegen/src/iglu.js';
import { readPlan, selectSchemas } from '../../codegen/src/plan.js';
import { readSchemaFolder } from '../../codegen/src/schema-folder.js';
import type { EventStore } from './store.js';
import type { BadEvent, GoodEvent } from './types.js';

export interface SchemaCoverage {
  schema: string;
  good: number;
  bad: number;
}

export interface CoverageReport {
  /** The plan file, as given; `null` when the collector runs without a plan (the lists are then empty). */
  plan: string | null;
  /** Every planned schema, in the plan's order; `good + bad === 0` means never seen. */
  planned: SchemaCoverage[];
  /** Planned schemas with no event at all. */
  neverSeen: string[];
  /** Schemas that arrived but are not in the plan. */
  unplanned: SchemaCoverage[];
}

/** `/micro/plan` of a collector started without a plan: not an error, just nothing planned. */
export const NO_PLAN: CoverageReport = { plan: null, planned: [], neverSeen: [], unplanned: [] };

export class PlanCoverage {
  private constructor(
    readonly file: string,
    readonly schemas: readonly string[],
    /** The plan's schema folders: the collector validates against them too. */
    readonly schemaDirs: readonly string[],
  ) {}

  /**
   * Reads the plan and lists its schemas as `isotrack-codegen` would generate them (with the
   * collector's schema folders when the plan names none); throws a clear Error.
   */
  static load(file: string, collectorDirs: readonly string[] = []): PlanCoverage {
    try {
      const plan = readPlan(file);
      // The plan's folders, else the collector's own (`--schemas`), as isotrack-codegen would be run.
      const dirs = plan.schemaDirs.length > 0 ? plan.schemaDirs : collectorDirs;
      const keys = dirs.flatMap((dir) => readSchemaFolder(dir).map((loaded) => loaded.key));
      const exact = plan.include.filter((entry) => entry.schema.startsWith('iglu:')).map((entry) => entry.schema);
      // Without schema folders only exact URIs can be planned; with them, patterns resolve as in codegen.
      const schemas = keys.length > 0 ? selectSchemas(plan, keys).keys.map(igluUri) : exact;
      if (schemas.length === 0) throw new Error('it plans no schema (give "schemaDirs", --schemas, or exact iglu: URIs in "include")');
      return new PlanCoverage(file, [...new Set([...schemas, ...exact])], plan.schemaDirs);
    } catch (error) {
      throw new Error(`isotrack collector: cannot use the plan ${file}: ${(error as Error).message}`);
    }
  }

  report(store: EventStore): CoverageReport {
    const counts = new Map<string, SchemaCoverage>();
    const count = (schema: string, kind: 'good' | 'bad') => {
      const entry = counts.get(schema) ?? { schema, good: 0, bad: 0 };
      entry[kind]++;
      counts.set(schema, entry);
    };
    for (const item of store.newestFirst()) {
      const [kind, schemas] = 'good' in item ? (['good', goodSchemas(item.good)] as const) : (['bad', badSchemas(item.bad)] as const);
      for (const schema of new Set(schemas)) count(schema, kind);
    }
    const planned = this.schemas.map((schema) => counts.get(schema) ?? { schema, good: 0, bad: 0 });
    const inPlan = new Set(this.schemas);
    return {
      plan: this.file,
      planned,
      neverSeen: planned.filter((entry) => entry.good + entry.bad === 0).map((entry) => entry.schema),
      unplanned: [...counts.values()].filter((entry) => !inPlan.has(entry.schema)).sort((a, b) => (a.schema < b.schema ? -1 : 1)),
    };
  }
}

function goodSchemas(event: GoodEvent): string[] {
  // Since Micro 3 parity, built-in events have a schema too (page_view…); a plan is about self-describing ones.
  return [...(event.eventType === 'unstruct' && event.schema ? [event.schema] : []), ...event.contexts];
}

/** What a bad event tried to send: the schemas inside its `ue_*` and `co`/`cx`, when they decode. */
function badSchemas(event: BadEvent): string[] {
  const parameters = event.rawEvent?.parameters ?? {};
  const found: string[] = [];
  const inner = (text: unknown, base64: boolean): unknown => {
    if (typeof text !== 'string') return undefined;
    try {
      return JSON.parse(base64 ? Buffer.from(text, 'base64').toString('utf8') : text);
    } catch {
      return undefined;
    }
  };
  const schemaOf = (value: unknown) => (typeof value === 'object' && value !== null && typeof (value as { schema?: unknown }).schema === 'string' ? (value as { schema: string }).schema : undefined);
  const ue = (inner(parameters.ue_pr, false) ?? inner(parameters.ue_px, true)) as { data?: unknown } | undefined;
  const event_ = schemaOf(ue?.data);
  if (event_) found.push(event_);
  const co = (inner(parameters.co, false) ?? inner(parameters.cx, true)) as { data?: unknown } | undefined;
  if (Array.isArray(co?.data)) for (const entity of co.data) if (schemaOf(entity)) found.push(schemaOf(entity) as string);
  return found;
}

/** The events page's coverage panel: a script of its own, loaded by the page, polling `/micro/plan`. */
export const PLAN_SCRIPT = `(function () {
  'use strict';
  var box = document.getElementById('plan');
  if (!box) return;
  function el(tag, cls, text) { var node = document.createElement(tag); if (cls) node.className = cls; if (text !== undefined) node.textContent = text; return node; }
  function row(entry, state) {
    var tr = el('tr', state);
    tr.append(el('td', 'schema', entry.schema), el('td', 'num good', String(entry.good)), el('td', 'num bad', String(entry.bad)), el('td', 'state', state === 'never' ? 'never seen' : state === 'unplanned' ? 'not in the plan' : state === 'bad' ? 'bad events' : 'covered'));
    return tr;
  }
  function render(report) {
    var covered = report.planned.length - report.neverSeen.length;
    var table = el('table');
    var head = el('tr');
    ['Schema', 'Good', 'Bad', ''].forEach(function (text) { head.append(el('th', '', text)); });
    table.append(head);
    report.planned.forEach(function (entry) { table.append(row(entry, entry.good + entry.bad === 0 ? 'never' : entry.bad > 0 ? 'bad' : 'ok')); });
    report.unplanned.forEach(function (entry) { table.append(row(entry, 'unplanned')); });
    box.replaceChildren(el('h2', '', 'Tracking plan: ' + covered + ' of ' + report.planned.length + ' schemas seen'), el('p', 'plan-file', report.plan), table);
    box.hidden = false;
  }
  function poll() {
    fetch('/micro/plan').then(function (r) { return r.ok ? r.json() : null; }).then(function (report) { if (report && report.plan !== null) { render(report); setTimeout(poll, 1000); } }, function () { setTimeout(poll, 3000); });
  }
  poll();
})();
`;

export const PLAN_CSS = `
#plan { margin: 0.8rem 1.5rem 0; padding: 0.6rem 0.9rem; background: #fff; border: 1px solid var(--line); border-radius: 6px; }
#plan h2 { font-size: 1rem; margin: 0 0 0.2rem; }
#plan .plan-file { margin: 0 0 0.4rem; color: var(--muted); font-size: 0.85rem; }
#plan table { border-collapse: collapse; width: 100%; font-size: 0.88rem; }
#plan th, #plan td { text-align: left; padding: 0.2rem 0.6rem 0.2rem 0; border-bottom: 1px solid var(--line); }
#plan td.num { font-variant-numeric: tabular-nums; }
#plan td.good { color: var(--good); }
#plan td.bad { color: var(--bad); }
#plan tr.never td.state, #plan tr.bad td.state { color: var(--bad); font-weight: 600; }
#plan tr.unplanned td.state { color: var(--muted); }
#plan .schema { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; overflow-wrap: anywhere; }
`;
