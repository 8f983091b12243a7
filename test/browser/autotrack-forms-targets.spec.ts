// Form tracking's Snowplow options beyond which forms and fields: `targets` (an iframe's
// document, a closed shadow root), forms given as elements, forms inside open shadow roots
// (found through their fields' focus), and `useCapture`. Every event must arrive good.
import { expect, test } from './driver/index.js';
import type { Tab } from './driver/index.js';
import { counts, goodEvents, useCollectorAndSite, waitForEvents } from './helpers.js';
import { eventData, eventName, named, settled, trackedPage } from './autotrack-helpers.js';

const live = useCollectorAndSite();

/**
 * A form in the page, one in a same-origin iframe and one in a closed shadow root (each
 * with one `<input name=field>`); `window.forms` holds them once `window.ready`.
 * `enable` runs then, with `frame` and `root` (the shadow root) in scope.
 */
const threeForms = (enable: string) => `
  isotrack('newTracker', 'sp', COLLECTOR, { appId: 'forms' });
  var frame = document.createElement('iframe');
  frame.srcdoc = '<form id="inframe"><input name="field"></form>';
  var root = document.getElementById('host').attachShadow({ mode: 'closed' });
  root.innerHTML = '<form id="inshadow"><input name="field"></form>';
  frame.onload = function () {
    if (!frame.contentDocument.forms[0]) return; // an engine's load of the first about:blank
    window.forms = [document.forms[0], frame.contentDocument.forms[0], root.querySelector('form')];
    forms.forEach(function (form) { form.addEventListener('submit', function (event) { event.preventDefault(); }); });
    ${enable}
    window.ready = true;
  };
  document.body.appendChild(frame);`;
const THREE_FORMS_BODY = '<form id="outside"><input name="field"></form><div id="host"></div>';

/** For each form of `window.forms`: a focus, a change to 'typed', a submit (real DOM events, dispatched). */
async function useEachForm(page: Tab) {
  await expect.poll(() => page.evaluate(() => (window as unknown as { ready?: boolean }).ready === true)).toBe(true);
  await page.evaluate(() => {
    for (const form of (window as unknown as { forms: HTMLFormElement[] }).forms) {
      const field = form.elements[0] as HTMLInputElement;
      // A script's focus() gives no focus event in a window without the system's focus: dispatched instead.
      field.dispatchEvent(new FocusEvent('focus'));
      field.value = 'typed';
      field.dispatchEvent(new Event('change', { bubbles: true }));
      form.requestSubmit();
    }
  });
}

/** The form ids of the events of each name, in the order they arrived. */
const formIdsByEvent = (events: Record<string, string>[]) =>
  Object.fromEntries(['focus_form', 'change_form', 'submit_form'].map((name) => [name, named(events, name).map((e) => eventData(e).formId).sort()]));

test('targets: forms in an iframe document and a closed shadow root given as targets are tracked, the page form outside them is not', async ({ driver }) => {
  live.site.page('/targets', trackedPage(live.collector.url, THREE_FORMS_BODY, threeForms(`isotrack('enableFormTracking', { options: { targets: [frame.contentDocument, root] } });`)));
  const page = await driver.open(`${live.site.url}/targets`);
  await useEachForm(page);
  await settled(page, 6);
  const events = await goodEvents(live.collector);
  expect(formIdsByEvent(events)).toEqual({ focus_form: ['inframe', 'inshadow'], change_form: ['inframe', 'inshadow'], submit_form: ['inframe', 'inshadow'] });
  expect(named(events, 'submit_form').map(eventData)[0]).toMatchObject({ elements: [{ name: 'field', value: 'typed', nodeName: 'INPUT', type: 'text' }] });
  expect(await counts(live.collector)).toMatchObject({ good: 6, bad: 0 });
  expect(await page.errors()).toEqual([]);
});

test('forms given as elements: only those are tracked, the one in an iframe too (listened for at its own document)', async ({ driver }) => {
  live.site.page('/form-list', trackedPage(live.collector.url, THREE_FORMS_BODY, threeForms(`isotrack('enableFormTracking', { options: { forms: [frame.contentDocument.forms[0]], events: ['change_form', 'submit_form'] } });`)));
  const page = await driver.open(`${live.site.url}/form-list`);
  await useEachForm(page);
  await settled(page, 2);
  expect(formIdsByEvent(await goodEvents(live.collector))).toEqual({ focus_form: [], change_form: ['inframe'], submit_form: ['inframe'] });
  expect(await counts(live.collector)).toMatchObject({ good: 2, bad: 0 });
});

const OPEN_SHADOW = `<button id="start">start</button><div id="host"></div><script>
  document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML =
    '<form id="shadowed" class="in-shadow"><input name="q" style="width:300px;height:40px"><button>Go</button></form>';
</script>`;

for (const [title, targets] of [
  ['with the default targets (the document)', ''],
  ['once only when the document and the shadow root both are targets', `, targets: [document, document.getElementById('host').shadowRoot]`],
] as const) {
  test(`a form in an open shadow root is tracked, found through a field's focus, ${title}`, async ({ driver }) => {
    live.site.page('/open-shadow', trackedPage(live.collector.url, OPEN_SHADOW, `
      isotrack('newTracker', 'sp', COLLECTOR, { appId: 'forms' });
      document.getElementById('host').shadowRoot.querySelector('form').addEventListener('submit', function (event) { event.preventDefault(); });
      isotrack('enableFormTracking', { options: { fields: { transform: function (value, info, field) { return field.name + ':' + value; } }${targets} } });`));
    const page = await driver.open(`${live.site.url}/open-shadow`);
    await page.click('#start'); // the window gets the focus, so that a script's focus() below fires a real, composed focus event
    await page.evaluate(() => {
      const form = document.getElementById('host')!.shadowRoot!.querySelector('form')!;
      const field = form.elements[0] as HTMLInputElement;
      field.focus();
      field.blur();
      field.focus(); // focused twice: still one listener on the form
      field.value = 'hats';
      // `change` and `submit` do not leave the shadow root: only a listener inside hears them.
      field.dispatchEvent(new Event('change', { bubbles: true }));
      form.requestSubmit();
    });
    const events = await waitForEvents(live.collector, (all) => named(all, 'submit_form').length >= 1);
    await settled(page, 4);
    expect(named(events, 'focus_form').map(eventData)).toEqual([
      { formId: 'shadowed', elementId: 'q', nodeName: 'INPUT', value: 'q:', elementType: 'text' },
      { formId: 'shadowed', elementId: 'q', nodeName: 'INPUT', value: 'q:', elementType: 'text' },
    ]);
    expect(named(events, 'change_form').map(eventData)).toEqual([{ formId: 'shadowed', elementId: 'q', nodeName: 'INPUT', value: 'q:hats', type: 'text' }]);
    expect(named(events, 'submit_form').map(eventData)).toEqual([
      { formId: 'shadowed', formClasses: ['in-shadow'], elements: [{ name: 'q', value: 'q:hats', nodeName: 'INPUT', type: 'text' }] },
    ]);
    expect(await counts(live.collector)).toMatchObject({ good: 4, bad: 0 });
  });
}

const STOPPING_FORMS = `
<form id="stopped" onsubmit="event.preventDefault(); event.stopPropagation()"><input name="a" value="1"><button id="stop-go">Go</button></form>
<form id="late"><input name="total" value=""><button id="late-go">Go</button></form>`;

for (const useCapture of [undefined, false]) {
  const heard = useCapture === false ? 'as it bubbles: a stopped submit is not seen, a handler\'s last change is' : 'first (the default): a submit whose bubbling a page handler stops is seen';
  test(`useCapture ${String(useCapture)}: submit is heard ${heard}`, async ({ driver }) => {
    const options = useCapture === false ? '{ options: { useCapture: false } }' : '';
    live.site.page('/capture', trackedPage(live.collector.url, STOPPING_FORMS, `
      isotrack('newTracker', 'sp', COLLECTOR, { appId: 'forms' });
      document.getElementById('late').addEventListener('submit', function (event) { event.preventDefault(); this.total.value = '42'; });
      window.refused = [];
      var error = console.error;
      console.error = function (e) { refused.push(String(e && e.message)); error.apply(console, arguments); };
      isotrack('enableFormTracking', { options: { targets: document } });
      isotrack('enableFormTracking', ${options});`));
    const page = await driver.open(`${live.site.url}/capture`);
    expect(await page.evaluate(() => (window as unknown as { refused: string[] }).refused)).toEqual(['isotrack: options.targets must be an array of EventTargets']);
    await page.click('#stop-go');
    await page.click('#late-go');
    const elementsOf = (events: Record<string, string>[]) => Object.fromEntries(named(events, 'submit_form').map((e) => [eventData(e).formId, eventData(e).elements]));
    await waitForEvents(live.collector, (all) => named(all, 'submit_form').some((e) => eventData(e).formId === 'late'));
    // No field gains focus (buttons are not fields): the submits are all there is.
    await settled(page, useCapture === false ? 1 : 2);
    expect(elementsOf(await goodEvents(live.collector))).toEqual(
      useCapture === false
        ? { late: [{ name: 'total', value: '42', nodeName: 'INPUT', type: 'text' }] }
        : { stopped: [{ name: 'a', value: '1', nodeName: 'INPUT', type: 'text' }], late: [{ name: 'total', value: '', nodeName: 'INPUT', type: 'text' }] },
    );
    expect(await counts(live.collector)).toMatchObject({ good: useCapture === false ? 1 : 2, bad: 0 });
  });
}

test('the function enableFormTracking returns stops it, the listeners it added on a form inside an open shadow root too', async ({ driver }) => {
  // `enableFormTracking(tracker, options)` as an npm user calls it: the add-on's command is that function.
  live.site.page('/stop-shadow', trackedPage(live.collector.url, OPEN_SHADOW, `
    isotrack('newTracker', 'sp', COLLECTOR, { appId: 'forms' });
    document.getElementById('host').shadowRoot.querySelector('form').addEventListener('submit', function (event) { event.preventDefault(); });
    isotrack(function (trackers) { window.stopForms = isotrack.internal.addOnCommands.enableFormTracking(trackers.sp); });`));
  const page = await driver.open(`${live.site.url}/stop-shadow`);
  await page.click('#start'); // the window gets the focus, so that a script's focus() fires a real, composed focus event
  const useShadowForm = (value: string) =>
    page.evaluate((value) => {
      const form = document.getElementById('host')!.shadowRoot!.querySelector('form')!;
      const field = form.elements[0] as HTMLInputElement;
      field.blur();
      field.focus();
      field.value = value;
      field.dispatchEvent(new Event('change', { bubbles: true }));
      form.requestSubmit();
    }, value);
  // The first focus finds the form and adds its change and submit listeners.
  await useShadowForm('before');
  await settled(page, 3);
  await page.evaluate(() => (window as unknown as { stopForms: () => void }).stopForms());
  await useShadowForm('after');
  // A marker tracked after the second round: once it is delivered, any form event of that round would be too.
  await page.evaluate(() => (window as unknown as { isotrack: (command: string, args: object) => void }).isotrack('trackStructEvent', { category: 'forms', action: 'stopped' }));
  await settled(page, 4);
  const events = await goodEvents(live.collector);
  expect(events.map((e) => (e.e === 'se' ? e.se_ac : eventName(e))).sort()).toEqual(['change_form', 'focus_form', 'stopped', 'submit_form']);
  expect(named(events, 'change_form').map((e) => eventData(e).value)).toEqual(['before']);
  expect(await counts(live.collector)).toMatchObject({ good: 4, bad: 0 });
});
