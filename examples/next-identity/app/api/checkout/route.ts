// A Next.js (App Router) route handler that tracks a server-side event for the same
// user and session as the browser's events: the browser tracker keeps its identity in
// the first-party `_sp_id.<hash>` / `_sp_ses.<hash>` cookies, which Next hands to the
// handler; identityFromCookies reads them from the Cookie header. It is plain string
// code, so this also works with `export const runtime = 'edge'`.
import { Emitter, Subject, Tracker, identityFromCookies } from 'isotrack';

const tracker = new Tracker(new Emitter(process.env.ISOTRACK_COLLECTOR ?? 'http://127.0.0.1:9090'), {
  appId: 'shop-server',
  namespace: 'server',
});

export async function POST(request: Request): Promise<Response> {
  const { orderId, total } = (await request.json()) as { orderId: string; total: number };
  const subject = new Subject();
  // cookieDomain: the browser tracker's cookie domain (the root domain by default).
  const id = identityFromCookies(request.headers.get('cookie'), { cookieDomain: process.env.COOKIE_DOMAIN ?? 'shop.example' });
  if (id) subject.setDomainUserId(id.domainUserId).setDomainSessionId(id.sessionId).setDomainSessionIndex(id.sessionIndex);
  tracker.trackStructEvent({ category: 'checkout', action: 'order-placed', label: orderId, value: total, subject });
  // A route handler may be the last code to run before the instance freezes: send now.
  await tracker.flush();
  return Response.json({ ok: true });
}
