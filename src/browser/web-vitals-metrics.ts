// The five web vitals measured with the browser's own PerformanceObservers, as Google's
// `web-vitals` package defines them, without the package: bundled, its five `on*`
// functions cost 3,274 B gzip -9 (6.2.3), the whole add-on 1,292 B (see
// docs/automatic-tracking.md, "Web vitals"). An engine that lacks an entry type simply
// does not measure that metric.

/** The measured metrics and how the page was reached, as `web_vitals` 1-0-0 names them. Absent: not measured. */
export interface WebVitalsData {
  /** Largest Contentful Paint, ms. */
  lcp?: number | undefined;
  /** Interaction to Next Paint, ms (only after an interaction). */
  inp?: number | undefined;
  /** Cumulative Layout Shift (unitless; 0 when nothing shifted). */
  cls?: number | undefined;
  /** First Contentful Paint, ms. */
  fcp?: number | undefined;
  /** Time To First Byte, ms. */
  ttfb?: number | undefined;
  /** `navigate`, `reload`, `back-forward`, `prerender` or `restore`. */
  navigationType?: string | undefined;
}

type Entry = PerformanceEntry & { hadRecentInput?: boolean; value?: number; interactionId?: number };

/** Observes `type` from the page's start (buffered); returns a function that hands over the entries still pending. */
const observe = (type: string, take: (entries: Entry[]) => void, options?: object): (() => void) | undefined => {
  if (!PerformanceObserver.supportedEntryTypes?.includes(type)) return;
  const observer = new PerformanceObserver((list) => take(list.getEntries()));
  observer.observe({ type, buffered: true, ...options });
  return () => take(observer.takeRecords());
};

/**
 * Starts measuring; the returned function reads the metrics measured so far (taking the
 * observers' pending entries first). Times are from the navigation's activation (a
 * prerendered page counts from when it was shown), and paints after the page was
 * first hidden do not count, as `web-vitals` measures them.
 */
export function measureWebVitals(): () => WebVitalsData {
  const data: WebVitalsData = {};
  const nav = performance.getEntriesByType('navigation')[0] as (PerformanceNavigationTiming & { activationStart?: number }) | undefined;
  const start = nav?.activationStart || 0;
  const since = (time: number) => Math.max(time - start, 0);
  // A page loaded in the background: its paints say nothing of what a user saw.
  let firstHidden = document.visibilityState == 'hidden' && !(document as { prerendering?: boolean }).prerendering ? 0 : Infinity;
  addEventListener('visibilitychange', (event) => document.visibilityState == 'hidden' && (firstHidden = Math.min(firstHidden, event.timeStamp)), true);
  const painted = (entry: Entry) => entry.startTime < firstHidden;

  // CLS: the largest burst of unexpected shifts (less than 1 s apart, at most 5 s long).
  let cls = 0, burst = 0, burstStart = 0, last = 0;
  // INP: the longest interactions (by interactionId); a busy page skips one per 50 interactions.
  const longest: { id: number; duration: number }[] = [];
  const ids = new Set<number>();

  const flushes = [
    observe('paint', (entries) => {
      for (const entry of entries) if (entry.name == 'first-contentful-paint' && painted(entry)) data.fcp = since(entry.startTime);
    }),
    observe('largest-contentful-paint', (entries) => {
      for (const entry of entries) if (painted(entry)) data.lcp = since(entry.startTime);
    }),
    observe('layout-shift', (entries) => {
      for (const entry of entries) {
        if (entry.hadRecentInput) continue;
        if (burst && entry.startTime - last < 1000 && entry.startTime - burstStart < 5000) burst += entry.value!;
        else (burst = entry.value!), (burstStart = entry.startTime);
        last = entry.startTime;
        cls = Math.max(cls, burst);
      }
      data.cls = cls;
    }),
    ...['event', 'first-input'].map((type) =>
      observe(
        type,
        (entries) => {
          for (const { interactionId: id, duration } of entries) {
            if (!id) continue;
            ids.add(id);
            const known = longest.find((item) => item.id == id);
            if (known) known.duration = Math.max(known.duration, duration);
            else longest.push({ id, duration });
          }
          longest.sort((a, b) => b.duration - a.duration).splice(10);
          const count = (performance as { interactionCount?: number }).interactionCount || ids.size;
          const pick = longest[Math.min(longest.length - 1, Math.floor(count / 50))];
          if (pick) data.inp = pick.duration;
        },
        // The smallest threshold the API allows: short interactions count towards INP's rank.
        { durationThreshold: 16 },
      ),
    ),
  ];

  return () => {
    for (const flush of flushes) flush?.();
    if (nav) {
      // Read again at the send: a page hidden early (before its load event) may have had
      // an entry without its response times yet (seen once in Firefox ESR).
      const entry = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined) ?? nav;
      if (entry.responseStart > 0) data.ttfb = since(entry.responseStart);
      data.navigationType =
        (document as { prerendering?: boolean }).prerendering || start > 0
          ? 'prerender'
          : (document as { wasDiscarded?: boolean }).wasDiscarded
            ? 'restore'
            : nav.type.replace(/_/g, '-');
    }
    return data;
  };
}
