// Form tracking from the script tag, end to end with the dev collector: changes and a
// submit that leaves the page, forms added later, a transform that redacts, and a
// password that appears nowhere: not in any event, not in storage.
import { expect, test } from './driver/index.js';
import { counts, goodEvents, useCollectorAndSite, waitForEvents } from './helpers.js';
import { eventData, named, namedInOrder, plainPage, trackedPage } from './autotrack-helpers.js';

const live = useCollectorAndSite();
const PASSWORD = 'hunter2-Sekret!';

const FORM = `<form id="signup" class="account wide" action="/done" method="post">
  <input name="email" type="email" class="field">
  <input name="pw" type="password">
  <input name="agree" type="checkbox">
  <select name="plan"><option>free</option><option>pro</option></select>
  <textarea name="bio"></textarea>
  <input name="note" type="text">
  <button type="submit" id="go">Go</button>
</form>
<div id="later"></div>`;

test('sends change_form and submit_form for forms present and added later, never the password, and the submit that leaves the page arrives', async ({ driver }) => {
  live.site.page('/form', trackedPage(live.collector.url, FORM, `
    isotrack('newTracker', 'sp', COLLECTOR, { appId: 'forms' });
    isotrack('enableFormTracking', { options: { fields: { denylist: ['note'], transform: function (value, field) { return field.name === 'email' ? 'redacted' : value; } } } });`));
  live.site.page('/done', plainPage);
  const page = await driver.open(`${live.site.url}/form`);

  // type() focuses the field first: the field left behind fires its change.
  await page.type('[name=email]', 'ada@example.test');
  await page.type('[name=pw]', PASSWORD); // change on email
  await page.type('[name=agree]', ' '); // change on the password; Space ticks the checkbox
  await page.type('[name=bio]', 'Hello');
  await page.type('[name=note]', 'denied field'); // change on bio
  await page.click('[name=bio]'); // change on note: not tracked
  await page.evaluate(() => {
    const plan = document.querySelector('select')!;
    plan.value = 'pro';
    plan.dispatchEvent(new Event('change', { bubbles: true }));
    document.getElementById('later')!.innerHTML = '<form id="newsletter"><input name="topic" id="topic"></form>';
  });
  await page.type('#topic', 'cats');
  await page.click('[name=bio]'); // change on topic

  const changes = namedInOrder(await waitForEvents(live.collector, (all) => named(all, 'change_form').length >= 6), 'change_form').map(eventData);
  expect(changes).toEqual([
    { formId: 'signup', elementId: 'email', nodeName: 'INPUT', elementClasses: ['field'], value: 'redacted', type: 'email' },
    { formId: 'signup', elementId: 'pw', nodeName: 'INPUT', value: null, type: 'password' },
    { formId: 'signup', elementId: 'agree', nodeName: 'INPUT', value: 'on', type: 'checkbox' },
    { formId: 'signup', elementId: 'bio', nodeName: 'TEXTAREA', value: 'Hello' },
    { formId: 'signup', elementId: 'plan', nodeName: 'SELECT', value: 'pro' },
    { formId: 'newsletter', elementId: 'topic', nodeName: 'INPUT', value: 'cats', type: 'text' },
  ]);
  // The queue is in localStorage: the password never reached it.
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(PASSWORD);

  await page.click('#go'); // submits and leaves the page at once
  await expect.poll(() => page.evaluate(() => location.pathname)).toBe('/done');
  const events = await waitForEvents(live.collector, (all) => named(all, 'submit_form').length >= 1);
  expect(named(events, 'submit_form').map(eventData)).toEqual([
    {
      formId: 'signup',
      formClasses: ['account', 'wide'],
      elements: [
        { name: 'email', value: 'redacted', nodeName: 'INPUT', type: 'email' },
        { name: 'agree', value: 'on', nodeName: 'INPUT', type: 'checkbox' },
        { name: 'plan', value: 'pro', nodeName: 'SELECT' },
        { name: 'bio', value: 'Hello', nodeName: 'TEXTAREA' },
      ],
    },
  ]);
  expect(await counts(live.collector)).toMatchObject({ good: 7, bad: 0 });
  const everything = JSON.stringify(await goodEvents(live.collector)) + (await (await fetch(`${live.collector.url}/micro/bad`)).text());
  expect(everything).not.toContain(PASSWORD);
  expect(everything).not.toContain('denied field');
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(PASSWORD);
});

test('a forms denylist leaves those forms out', async ({ driver }) => {
  live.site.page('/forms-denied', trackedPage(live.collector.url, `${FORM}<form id="search"><input name="q" id="q"></form>`, `
    isotrack('newTracker', 'sp', COLLECTOR, { appId: 'forms' });
    isotrack('enableFormTracking', { options: { forms: { denylist: ['account'] } } });`));
  const page = await driver.open(`${live.site.url}/forms-denied`);
  await page.type('[name=email]', 'x@y.test');
  await page.type('#q', 'shoes'); // change on email: its form is denied
  await page.click('[name=email]'); // change on q
  const events = await waitForEvents(live.collector, (all) => named(all, 'change_form').length >= 1);
  expect(named(events, 'change_form').map((e) => eventData(e).formId)).toEqual(['search']);
});
