/**
 * In-memory event store. It keeps the newest `maxEvents` good and the newest
 * `maxEvents` bad events so that a collector left running for days stays small,
 * while the counts keep counting everything received since the last reset.
 */
import type { BadEvent, BadFilter, Counts, GoodEvent, GoodFilter } from './types.js';
import { EVENT_NAMES } from './protocol.js';

export class EventStore {
  private good: GoodEvent[] = [];
  private bad: BadEvent[] = [];
  private goodCount = 0;
  private badCount = 0;
  // Ids keep growing across resets, so a UI never confuses an old event with a new one.
  private nextId = 1;

  constructor(private readonly maxEvents: number) {}

  addGood(event: Omit<GoodEvent, 'id'>): GoodEvent {
    const stored: GoodEvent = { id: this.nextId++, ...event };
    this.good.push(stored);
    if (this.good.length > this.maxEvents) this.good.shift();
    this.goodCount++;
    return stored;
  }

  addBad(event: Omit<BadEvent, 'id'>): BadEvent {
    const stored: BadEvent = { id: this.nextId++, ...event };
    this.bad.push(stored);
    if (this.bad.length > this.maxEvents) this.bad.shift();
    this.badCount++;
    return stored;
  }

  counts(): Counts {
    return { total: this.goodCount + this.badCount, good: this.goodCount, bad: this.badCount };
  }

  reset(): Counts {
    this.good = [];
    this.bad = [];
    this.goodCount = 0;
    this.badCount = 0;
    return this.counts();
  }

  /** Good events, newest first, that match every field of `filter`. */
  listGood(filter: GoodFilter = {}): GoodEvent[] {
    const wantedType = filter.schema !== undefined ? 'unstruct' : filter.event_type;
    const matches = this.good.filter((event) => {
      if (wantedType !== undefined && !typeMatches(event, wantedType)) return false;
      if (filter.schema !== undefined && event.schema !== filter.schema) return false;
      if (filter.contexts && !filter.contexts.every((uri) => event.contexts.includes(uri))) return false;
      return true;
    });
    return newestFirst(matches, filter.limit);
  }

  /** Bad events, newest first, optionally only those that came through one collector API. */
  listBad(filter: BadFilter = {}): BadEvent[] {
    const matches = this.bad.filter(
      (event) =>
        (filter.vendor === undefined || event.collectorPayload.api.vendor === filter.vendor) &&
        (filter.version === undefined || event.collectorPayload.api.version === filter.version),
    );
    return newestFirst(matches, filter.limit);
  }
}

/** Accepts the canonical name (`page_view`) as Micro does, and the `e` code (`pv`) as trackers write it. */
function typeMatches(event: GoodEvent, wanted: string): boolean {
  return event.eventType === wanted || EVENT_NAMES[wanted] === event.eventType;
}

function newestFirst<T>(events: T[], limit: number | undefined): T[] {
  const recent = limit === undefined ? events : events.slice(Math.max(0, events.length - limit));
  return recent.reverse();
}
