// Shared by the autotrack-*.spec.ts files: a page with the script tag, markup and a
// snippet, and readers of the events' names and entities.
import { expect } from './driver/index.js';
import type { Tab } from './driver/index.js';
import { entities, selfDescribing } from './helpers.js';

/** The add-ons the automatic-tracking specs use, loaded by plain script tags after the core tag. */
export const AUTOTRACK_ADD_ONS = ['link-click', 'form-tracking', 'error-tracking', 'global-contexts', 'consent'];

/** A page that loads the core script tag and `addOns` (from dist/plugins/), then `body`, then runs `script` with `COLLECTOR` defined. */
export function trackedPage(collectorUrl: string, body: string, script: string, addOns = AUTOTRACK_ADD_ONS): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>autotrack</title>
<script src="/dist/isotrack.umd.min.js"></script>${addOns.map((name) => `<script src="/dist/plugins/${name}.umd.min.js"></script>`).join('')}</head><body>${body}
<script>var COLLECTOR = ${JSON.stringify(collectorUrl)};\n${script}</script></body></html>`;
}

/** A plain page without any tracker (where a link or a form leads). */
export const plainPage = '<!doctype html><html><head><meta charset="utf-8"><title>elsewhere</title></head><body><p>no tracker here</p></body></html>';

/** The event's name: the self-describing event's schema name (`link_click`), or its `e` code. */
export const eventName = (fields: Record<string, string>): string => (fields.e === 'ue' ? selfDescribing(fields).schema.split('/')[1]! : fields.e!);

/** The self-describing event's data. */
export const eventData = (fields: Record<string, string>): Record<string, unknown> => selfDescribing(fields).data;

/** The schema names of the event's entities. */
export const entityNames = (fields: Record<string, string>): string[] => entities(fields).map((entity) => entity.schema.split('/')[1]!);

/** The events named `name`. */
export const named = (events: Record<string, string>[], name: string): Record<string, string>[] => events.filter((e) => eventName(e) === name);

/** The events named `name`, in the order they were tracked (the collector may receive them in another). */
export const namedInOrder = (events: Record<string, string>[], name: string): Record<string, string>[] =>
  named(events, name).sort((a, b) => Number(a.dtm) - Number(b.dtm));

/** The tracker's counters, once every event it tracked is delivered (so nothing else is on its way). */
export const settled = (page: Tab, delivered: number) =>
  expect
    .poll(() => page.evaluate(() => (window as unknown as { isotrack: (f: (t: Record<string, { stats(): { delivered: number; queued: number; inFlight: number } }>) => unknown) => unknown }).isotrack((t) => t.sp!.stats())), { timeout: 15_000 })
    .toMatchObject({ delivered, queued: 0, inFlight: 0 });
