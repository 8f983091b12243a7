// Form tracking from the script tag, end to end with the dev collector: changes and a
// submit that leaves the page, forms added later, a transform that redacts, and a
// password that appears nowhere: not in any event, not in storage.
import { expect, test } from './driver/index.js';
import { counts, entities, goodEvents, useCollectorAndSite, waitForEvents } from './helpers.js';
import { eventData, named, namedInOrder, plainPage, settled, trackedPage } from './autotrack-helpers.js';

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
  // focus_form is on by default (Snowplow's default): the rest are the 7 above.
  const good = await goodEvents(live.collector);
  expect(good.length - named(good, 'focus_form').length).toBe(7);
  expect(named(good, 'focus_form').length).toBeGreaterThan(0);
  expect(await counts(live.collector)).toMatchObject({ good: good.length, bad: 0 });
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

const BUTTONS_FORM = `<form id="order" onsubmit="event.preventDefault()">
  <input name="who" class="name big" value="Ada">
  <input name="pw" type="password" value="${PASSWORD}">
  <input name="gift" type="checkbox">
  <select name="size"><option>S</option><option selected>M</option></select>
  <textarea name="note">hi</textarea>
  <input type="button" name="cancel" value="Cancel">
  <input type="reset" id="clear" value="Clear">
  <input type="image" name="pic" alt="go">
  <input type="submit" name="send" value="Send">
  <button type="submit" id="go">Go</button>
</form>`;

test('focus_form for each field that gains focus (not checkboxes), and submit_form lists button and reset inputs as Snowplow does', async ({ driver }) => {
  live.site.page('/focus', trackedPage(live.collector.url, BUTTONS_FORM, `
    isotrack('newTracker', 'sp', COLLECTOR, { appId: 'forms' });
    isotrack('enableFormTracking');`));
  const page = await driver.open(`${live.site.url}/focus`);
  await page.click('[name=who]');
  await page.click('[name=pw]');
  await page.click('[name=gift]'); // ticks it: a change, and no focus_form for a checkbox
  // A select is not clicked (its native menu would keep the next clicks): its focus is dispatched.
  await page.evaluate(() => void document.querySelector('select')!.dispatchEvent(new FocusEvent('focus')));
  await page.click('[name=note]');
  const focuses = namedInOrder(await waitForEvents(live.collector, (all) => named(all, 'focus_form').length >= 4), 'focus_form').map(eventData);
  expect(focuses).toEqual([
    { formId: 'order', elementId: 'who', nodeName: 'INPUT', elementClasses: ['name', 'big'], value: 'Ada', elementType: 'text' },
    { formId: 'order', elementId: 'pw', nodeName: 'INPUT', value: null, elementType: 'password' },
    { formId: 'order', elementId: 'size', nodeName: 'SELECT', value: 'M' },
    { formId: 'order', elementId: 'note', nodeName: 'TEXTAREA', value: 'hi' },
  ]);
  await page.click('#go');
  const events = await waitForEvents(live.collector, (all) => named(all, 'submit_form').length >= 1);
  expect(named(events, 'submit_form').map(eventData)).toEqual([
    {
      formId: 'order',
      elements: [
        { name: 'who', value: 'Ada', nodeName: 'INPUT', type: 'text' },
        { name: 'gift', value: 'on', nodeName: 'INPUT', type: 'checkbox' },
        { name: 'size', value: 'M', nodeName: 'SELECT' },
        { name: 'note', value: 'hi', nodeName: 'TEXTAREA' },
        { name: 'cancel', value: 'Cancel', nodeName: 'INPUT', type: 'button' },
        { name: 'clear', value: 'Clear', nodeName: 'INPUT', type: 'reset' },
      ],
    },
  ]);
  // 4 focuses, the checkbox's change, the submit: nothing else (no focus_form for the checkbox).
  await settled(page, 6);
  expect(named(await goodEvents(live.collector), 'change_form').map((e) => eventData(e).elementId)).toEqual(['gift']);
  expect(await counts(live.collector)).toMatchObject({ good: 6, bad: 0 });
  expect(JSON.stringify(await goodEvents(live.collector))).not.toContain(PASSWORD);
  expect(await page.errors()).toEqual([]);
});

test("options.events sends only the events listed, and a wrong list is refused at the call", async ({ driver }) => {
  live.site.page('/events-option', trackedPage(live.collector.url, BUTTONS_FORM, `
    isotrack('newTracker', 'sp', COLLECTOR, { appId: 'forms' });
    window.refused = [];
    var error = console.error;
    console.error = function (e) { refused.push(String(e && e.message)); error.apply(console, arguments); };
    isotrack('enableFormTracking', { options: { events: ['focus_form', 'sumbit_form'] } });
    isotrack('enableFormTracking', { options: { events: 'focus_form' } });
    isotrack('enableFormTracking', { options: { events: ['change_form', 'submit_form'] } });`));
  const page = await driver.open(`${live.site.url}/events-option`);
  expect(await page.evaluate(() => (window as unknown as { refused: string[] }).refused)).toEqual([
    'isotrack: options.events must list some of focus_form,change_form,submit_form',
    'isotrack: options.events must list some of focus_form,change_form,submit_form',
  ]);
  await page.click('[name=who]'); // a focus: not tracked
  await page.click('[name=gift]'); // a change
  await page.click('#go');
  const events = await waitForEvents(live.collector, (all) => named(all, 'submit_form').length >= 1);
  await settled(page, 2);
  expect(named(events, 'change_form').map(eventData)).toEqual([{ formId: 'order', elementId: 'gift', nodeName: 'INPUT', value: 'on', type: 'checkbox' }]);
  expect(await counts(live.collector)).toMatchObject({ good: 2, bad: 0 });
});

test("context functions get Snowplow's arguments: the field, its input type and value as sent, or the form and the submit's elements", async ({ driver }) => {
  live.site.page('/context-arguments', trackedPage(live.collector.url, BUTTONS_FORM, `
    isotrack('newTracker', 'sp', COLLECTOR, { appId: 'forms' });
    isotrack('enableFormTracking', { options: { fields: { transform: function (value) { return value && value.toUpperCase(); } } }, context: [function (element, about, value) {
      return { schema: 'iglu:com.snowplowanalytics.snowplow/desktop_context/jsonschema/1-0-0',
        data: { osType: element.nodeName + ' ' + (Array.isArray(about) ? about.length + ' elements' : about), osVersion: String(value) } };
    }] });`));
  const page = await driver.open(`${live.site.url}/context-arguments`);
  await page.click('[name=who]');
  await page.evaluate(() => void document.querySelector('select')!.dispatchEvent(new FocusEvent('focus')));
  await page.click('[name=gift]');
  await page.click('#go');
  await waitForEvents(live.collector, (all) => named(all, 'submit_form').length >= 1);
  await settled(page, 4);
  const contextOf = (events: Record<string, string>[]) => events.map((e) => entities(e).find((entity) => entity.schema.includes('desktop_context'))?.data);
  const good = await goodEvents(live.collector);
  expect(contextOf(namedInOrder(good, 'focus_form'))).toEqual([
    { osType: 'INPUT text', osVersion: 'ADA' },
    { osType: 'SELECT null', osVersion: 'M' },
  ]);
  expect(contextOf(named(good, 'change_form'))).toEqual([{ osType: 'INPUT checkbox', osVersion: 'ON' }]);
  expect(contextOf(named(good, 'submit_form'))).toEqual([{ osType: 'FORM 6 elements', osVersion: 'undefined' }]);
  expect(await counts(live.collector)).toMatchObject({ good: 4, bad: 0 });
});
