/**
 * In-memory event store, bounded twice: at most `maxEvents` good and `maxEvents` bad
 * events, and at most `maxBytes` (estimated) for all of them together, the oldest
 * going first. The counts keep counting everything received since the last reset.
 */
import { Fifo } from './fifo.js';
import { eventNameOf } from './protocol.js';
import { GoodRecord, badBytes, goodBytes } from './records.js';
import type { NewBadEvent, NewGoodEvent } from './records.js';
import type { BadEvent, BadFilter, Counts, GoodEvent, GoodFilter } from './types.js';
import { DEFAULT_PAGE_SIZE } from './types.js';

interface Entry<T> {
  value: T;
  bytes: number;
}

/** One page of matches, newest first, and whether more matched beyond it. */
export interface Page<T> {
  items: T[];
  /** How many events matched in all (the page is `offset`..`offset + limit` of them). */
  total: number;
}

export class EventStore {
  private readonly good = new Fifo<Entry<GoodEvent>>();
  private readonly bad = new Fifo<Entry<BadEvent>>();
  private goodCount = 0;
  private badCount = 0;
  private storedBytes = 0;
  // Ids keep growing across resets, so a UI never confuses an old event with a new one.
  private nextId = 1;

  constructor(
    private readonly maxEvents: number,
    private readonly maxBytes: number = Number.POSITIVE_INFINITY,
  ) {}

  /** Bytes held by the stored events, as counted by records.ts (what `maxBytes` bounds). */
  get bytes(): number {
    return this.storedBytes;
  }

  /**
   * Stores a good event. `sharedBytes` is what the request it came in holds for all its
   * events (headers, body cuts): given with the request's first stored event, 0 after.
   */
  addGood(event: NewGoodEvent, sharedBytes = 0): GoodEvent {
    const stored = new GoodRecord(this.nextId++, event);
    this.keep(this.good, stored, goodBytes(event) + sharedBytes);
    this.goodCount++;
    return stored;
  }

  /** Stores a bad event; `sharedBytes` as for {@link addGood}. */
  addBad(event: NewBadEvent, sharedBytes = 0): BadEvent {
    const stored: BadEvent = { id: this.nextId++, ...event };
    this.keep(this.bad, stored, badBytes(event) + sharedBytes);
    this.badCount++;
    return stored;
  }

  counts(): Counts {
    return { total: this.goodCount + this.badCount, good: this.goodCount, bad: this.badCount };
  }

  reset(): Counts {
    this.good.clear();
    this.bad.clear();
    this.storedBytes = 0;
    this.goodCount = 0;
    this.badCount = 0;
    return this.counts();
  }

  /** Good events, newest first, that match every field of `filter`: one page of them. */
  listGood(filter: GoodFilter = {}): GoodEvent[] {
    return this.pageGood(filter).items;
  }

  pageGood(filter: GoodFilter = {}): Page<GoodEvent> {
    const wantedType = filter.event_type;
    return page(this.good, filter, (event) => {
      if (wantedType !== undefined && !typeMatches(event, wantedType)) return false;
      if (filter.schema !== undefined && event.schema !== filter.schema) return false;
      if (filter.contexts && !filter.contexts.every((uri) => event.contexts.includes(uri))) return false;
      return true;
    });
  }

  /** Bad events, newest first, optionally only those that came through one collector API. */
  listBad(filter: BadFilter = {}): BadEvent[] {
    return this.pageBad(filter).items;
  }

  pageBad(filter: BadFilter = {}): Page<BadEvent> {
    return page(
      this.bad,
      filter,
      (event) =>
        (filter.vendor === undefined || event.collectorPayload.api.vendor === filter.vendor) &&
        (filter.version === undefined || event.collectorPayload.api.version === filter.version),
    );
  }

  /** Every stored event, newest first, good and bad interleaved by arrival; for the events page. */
  *newestFirst(): Generator<{ good: GoodEvent } | { bad: BadEvent }> {
    let g = 0;
    let b = 0;
    for (;;) {
      const good = this.good.fromNewest(g)?.value;
      const bad = this.bad.fromNewest(b)?.value;
      if (!good && !bad) return;
      if (good && (!bad || good.id > bad.id)) (g++, yield { good });
      else if (bad) (b++, yield { bad });
    }
  }

  /** Finds one stored event by id (the events page opens one at a time). */
  find(id: number): { good: GoodEvent } | { bad: BadEvent } | undefined {
    for (const record of this.newestFirst()) {
      const found = 'good' in record ? record.good : record.bad;
      if (found.id === id) return record;
      if (found.id < id) return undefined;
    }
    return undefined;
  }

  private keep<T>(list: Fifo<Entry<T>>, value: T, bytes: number): void {
    list.push({ value, bytes });
    this.storedBytes += bytes;
    if (list.length > this.maxEvents) this.drop(list);
    // Oldest first across both lists, but never the event just stored.
    while (this.storedBytes > this.maxBytes && this.good.length + this.bad.length > 1) {
      const oldestGood = this.good.peek();
      const oldestBad = this.bad.peek();
      if (oldestGood && (!oldestBad || oldestGood.value.id < oldestBad.value.id)) this.drop(this.good);
      else this.drop(this.bad);
    }
  }

  private drop<T>(list: Fifo<Entry<T>>): void {
    const dropped = list.shift();
    if (dropped) this.storedBytes -= dropped.bytes;
  }
}

/** Accepts the canonical name (`page_view`) as Micro does, and the `e` code (`pv`) as trackers write it. */
function typeMatches(event: GoodEvent, wanted: string): boolean {
  return event.eventType === wanted || eventNameOf(wanted) === event.eventType;
}

function page<T>(list: Fifo<Entry<T>>, range: { limit?: number; offset?: number }, matches: (value: T) => boolean): Page<T> {
  const limit = range.limit ?? DEFAULT_PAGE_SIZE;
  const offset = range.offset ?? 0;
  const items: T[] = [];
  let total = 0;
  for (let i = 0; i < list.length; i++) {
    const value = list.fromNewest(i)?.value;
    if (value === undefined || !matches(value)) continue;
    if (total >= offset && items.length < limit) items.push(value);
    total++;
  }
  return { items, total };
}
