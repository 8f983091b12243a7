// A single-page app that imports isotrack from npm. The bundler picks the `browser`
// export condition (dist/browser.js); the app tracks a page view on every route change,
// and isotrack sends the previous route as the referrer.
import { enableActivityTracking, newTracker } from 'isotrack';

const collector = new URLSearchParams(location.search).get('collector') ?? 'http://localhost:9090';
const tracker = newTracker('spa', collector, { appId: 'example-spa', clientSession: true });
enableActivityTracking(tracker, { minimumVisitLength: 5, heartbeatDelay: 10 });
tracker.trackPageView();

function show(path) {
  document.getElementById('view').textContent = path.endsWith('/about') ? 'About' : 'Home';
  document.title = `isotrack SPA: ${document.getElementById('view').textContent}`;
  tracker.trackPageView();
}

document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-route]');
  if (!link) return;
  event.preventDefault();
  history.pushState(null, '', link.href);
  show(location.pathname);
});
addEventListener('popstate', () => show(location.pathname));

// For tests and the console.
window.spaTracker = tracker;
