// A server-rendered page view that belongs to the same user and session as the
// browser's events: the browser tracker (isotrack's script tag, or Snowplow's) keeps
// the identity in the first-party `_sp_id.<hash>` / `_sp_ses.<hash>` cookies, which
// arrive with every request to the site; identityFromCookies reads them.
//
//   npm install express isotrack
//   ISOTRACK_COLLECTOR=https://collector.shop.example COOKIE_DOMAIN=shop.example node server.mjs
import express from 'express';
import { Emitter, Subject, Tracker, identityFromCookies } from 'isotrack';

const collector = process.env.ISOTRACK_COLLECTOR ?? 'http://127.0.0.1:9090';
// The browser tracker's cookie domain (its `cookieDomain`, or the root domain it found,
// e.g. `shop.example` for `www.shop.example`). Without it the first valid cookie is used.
const cookieDomain = process.env.COOKIE_DOMAIN;

// One tracker for the process; the user comes with each request, as a per-event subject.
const tracker = new Tracker(new Emitter(collector), { appId: 'shop-server', namespace: 'server' });

const app = express();

app.get('/products/:id', (req, res) => {
  const subject = new Subject().setIpAddress(req.ip ?? '').setUseragent(req.get('user-agent') ?? '');
  const id = identityFromCookies(req.get('cookie'), cookieDomain ? { cookieDomain } : {});
  // A first visit has no cookie yet: the event is sent without browser ids.
  if (id) subject.setDomainUserId(id.domainUserId).setDomainSessionId(id.sessionId).setDomainSessionIndex(id.sessionIndex);
  const pageUrl = `${req.protocol}://${req.get('host')}${req.originalUrl}`;
  tracker.trackPageView({ pageUrl, pageTitle: `Product ${req.params.id}`, subject });
  res.type('html').send(`<!doctype html><title>Product ${req.params.id}</title><h1>Product ${req.params.id}</h1>`);
});

const server = app.listen(Number(process.env.PORT ?? 3000), () => console.log(`listening on ${server.address().port}`));
// Send what is queued before the process ends.
process.on('SIGTERM', () => server.close(() => void tracker.close().then(() => process.exit(0))));
