// Automatic form tracking: delegated `focus`, `change` and `submit` listeners on the
// document, or on the `targets` given (`focus` always capturing: it does not bubble), so
// that forms added later are tracked too. A form inside an open shadow root is reached
// through its fields' focus, which crosses the shadow boundary where `change` and
// `submit` do not. A password field's value never leaves the page: it is not read into
// any event, and so never reaches the queue's storage.
// Any tracker: the lean one (newTracker's) and the full class both are one.
import type { BaseTracker as Tracker } from '../core/tracker.js';
import type { FormElement } from '../core/events/web-events.js';
import type { SelfDescribingJson } from '../core/types.js';
import { classesOf, dynamicContext, elementFilter, type FilterCriterion } from './element-filter.js';
import { browserFeature, enable, guarded, type BrowserFeature } from './autotrack-plugin.js';
import { trackFormChange, trackFormSubmit } from '../core/events/track.js';
import { buildFormFocus } from '../core/events/web-events.js';

/** A form field that form tracking reads. */
export type FormField = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** Options of {@link enableFormTracking} (Snowplow's `FormTrackingConfiguration`). */
export interface FormTrackingOptions {
  options?: {
    /**
     * Which forms to track: by class (`allowlist`/`denylist`), by a `filter` function, or
     * as the form elements themselves (an array, `NodeList` or `HTMLCollection`: only
     * those, wherever they are; an empty list tracks none). Listed forms are listened
     * for at their root node (their document or shadow root) besides `targets`.
     * @defaultValue every form
     */
    forms?: FormsOption | undefined;
    /**
     * Which fields to track, by `name` (`allowlist`/`denylist`) or by a `filter`
     * function, and a `transform` of each value before it is sent (to redact it). The
     * field comes both second and third, so that a transform written for Snowplow's
     * `(value, elementInfo, element)` works as it is.
     * @defaultValue every field, values as they are
     */
    fields?: (FilterCriterion<FormField> & { transform?: ((value: string | null, element: FormField, field: FormField) => string | null) | undefined }) | undefined;
    /**
     * Which events to send, as Snowplow names them: `focus_form` when a field gains focus
     * (not for checkboxes and radio buttons, as Snowplow), `change_form` when its value
     * changes, `submit_form` when its form is submitted.
     * @defaultValue ['focus_form', 'change_form', 'submit_form'] (Snowplow's default)
     */
    events?: FormTrackingEvent[] | undefined;
    /**
     * Whether `change` and `submit` are heard in the capture phase: before the page's own
     * handlers, so a handler that stops the event's propagation does not hide it. With
     * `false` they are heard as they bubble up, after the handlers below, so a submit
     * handler's last changes to the fields are in `submit_form` (and a stopped event is
     * not tracked). `focus` is always captured: it does not bubble.
     * @defaultValue true (Snowplow's default)
     */
    useCapture?: boolean | undefined;
    /**
     * Where to listen: documents, shadow roots or elements whose forms to track, such
     * as a same-origin iframe's `contentDocument` or a closed shadow root.
     * @defaultValue [document] (which reaches open shadow roots too)
     */
    targets?: EventTarget[] | undefined;
  } | undefined;
  /**
   * Entities to attach to each form event, or functions that return one. As Snowplow's, a
   * function gets the field, its input type (null for a select or text area) and its value
   * as sent, or for `submit_form` the form and the event's `elements`.
   * @defaultValue none
   */
  context?: FormContext[] | undefined;
}

/** An entity for {@link FormTrackingOptions.context}, or a function of the field or form that returns one (or null or undefined for none). */
export type FormContext =
  | SelfDescribingJson
  | ((element: HTMLFormElement | FormField, ...about: [type: string | null, value: string | null] | [elements: FormElement[]]) => SelfDescribingJson | null | undefined);

/** Which forms {@link FormTrackingOptions} tracks: a criterion, or the form elements themselves. */
export type FormsOption = FilterCriterion<HTMLFormElement> | ArrayLike<HTMLFormElement>;

/** An event that form tracking sends. */
export type FormTrackingEvent = 'focus_form' | 'change_form' | 'submit_form';

const FIELDS = ['INPUT', 'SELECT', 'TEXTAREA'];
const EVENTS: FormTrackingEvent[] = ['focus_form', 'change_form', 'submit_form'];

/** What a form or field is called in events: its name, id, type or tag name, as Snowplow names them. */
const identifier = (element: Element): string => {
  const { name, id, type } = element as HTMLInputElement;
  return [name, id, type, element.nodeName].find((word) => typeof word == 'string' && word) as string;
};

/** The input type (lower case), or undefined for a select or text area. */
const typeOf = (field: FormField) => (field.nodeName == 'INPUT' ? (field.type || 'text').toLowerCase() : undefined);

/**
 * The form tracking plugin: added to a tracker in a browser, sends `focus_form` 1-0-0
 * when a field gains focus, `change_form` 1-0-0 when a field's value changes and
 * `submit_form` 1-0-0 when a form is submitted (those of `options.events`).
 * Inert outside a browser.
 */
export function formTracking(options: FormTrackingOptions = {}): BrowserFeature {
  const { forms, fields, events = EVENTS, useCapture = true, targets } = options.options ?? {};
  // A caller's mistake shows at the call, not as events that silently never come.
  if (!Array.isArray(events) || events.some((name) => !EVENTS.includes(name))) {
    throw new TypeError(`isotrack: options.events must list some of ${EVENTS}`);
  }
  if (targets && (!Array.isArray(targets) || targets.some((target) => typeof target?.addEventListener != 'function'))) {
    throw new TypeError('isotrack: options.targets must be an array of EventTargets');
  }
  return browserFeature((tracker) => {
    const listed = forms && 'length' in forms ? Array.from(forms) : undefined;
    const formTracked = listed ? (form: HTMLFormElement) => listed.includes(form) : elementFilter(forms as FilterCriterion<HTMLFormElement> | undefined, classesOf);
    const fieldTracked = elementFilter(fields, (field: FormField) => [field.name]);
    // Nested targets (a document and a shadow root in it) hear one event twice: once is
    // tracked. (And a form in a shadow root gets its listeners once.)
    const seen = new WeakSet<Event | HTMLFormElement>();
    const firstTime = (item: Event | HTMLFormElement) => !seen.has(item) && !!seen.add(item);
    const stops: (() => void)[] = [];
    const on = (target: EventTarget, type: string, handler: (event: Event) => void, capture = useCapture) => {
      target.addEventListener(type, handler, capture);
      stops.push(() => target.removeEventListener(type, handler, capture));
    };
    /** The entities of `context` for an event about `element`, the functions' further arguments `about`. */
    const contextOf = (element: HTMLFormElement | FormField, ...about: [string | null, string | null] | [FormElement[]]) =>
      dynamicContext(options.context?.map((item) => (typeof item == 'function' ? (e: typeof element) => item(e, ...about) : item)), element);
    /** The value to send: null for a password (never read), an unchecked box, or what `transform` makes of it. */
    const valueOf = (field: FormField): string | null => {
      const type = typeOf(field);
      if (type == 'password' || ((type == 'checkbox' || type == 'radio') && !(field as HTMLInputElement).checked)) return null;
      return fields?.transform ? fields.transform(field.value, field, field) : field.value;
    };
    /** A field's focus or change, the same fields for both (focus_form names the type `elementType`). */
    const onField = (focus: boolean, field: FormField) => {
      const form = (field as HTMLInputElement | null)?.form;
      if (!form || !FIELDS.includes(field.nodeName) || !formTracked(form) || !fieldTracked(field)) return;
      const type = typeOf(field);
      // Snowplow sends no focus_form for a checkbox or radio button: its change says all.
      if (focus && (type == 'checkbox' || type == 'radio')) return;
      const value = valueOf(field);
      const event: Parameters<typeof trackFormChange>[1] & { elementType?: string } = {
        formId: identifier(form),
        elementId: identifier(field),
        nodeName: field.nodeName as FormElement['nodeName'],
        value,
        context: contextOf(field, type ?? null, value),
      };
      if (type) event[focus ? 'elementType' : 'type'] = type;
      if (field.classList.length) event.elementClasses = classesOf(field);
      if (focus) tracker.track([buildFormFocus(event)], event);
      else trackFormChange(tracker, event);
    };
    const onChange = guarded((event: Event) => firstTime(event) && onField(false, event.target as FormField));
    const onSubmit = guarded((submitted: Event) => {
      const form = submitted.target as HTMLFormElement;
      if (!firstTime(submitted) || form.nodeName != 'FORM' || !formTracked(form)) return;
      const elements: FormElement[] = [];
      for (const element of Array.from(form.elements) as FormField[]) {
        const type = typeOf(element);
        // As Snowplow: `<input type=button|reset>` are listed with their value (the
        // label); `<button>` (not a field) and submit and image inputs are not. A
        // password is left out altogether.
        if (!FIELDS.includes(element.nodeName) || /^(submit|image|password)$/.test(type!) || !fieldTracked(element)) continue;
        const item: FormElement = { name: identifier(element), value: valueOf(element), nodeName: element.nodeName as FormElement['nodeName'] };
        if (type) item.type = type;
        elements.push(item);
      }
      const event: Parameters<typeof trackFormSubmit>[1] = { formId: identifier(form), elements, context: contextOf(form, elements) };
      if (form.classList.length) event.formClasses = classesOf(form);
      trackFormSubmit(tracker, event);
    });
    const change = events.includes('change_form');
    const submit = events.includes('submit_form');
    const onFocus = guarded((event: Event) => {
      if (!firstTime(event)) return;
      // Seen from outside a shadow root, the target is its host: the field is the path's first.
      const element = event.composedPath()[0] as FormField;
      const form = element.form;
      // `change` and `submit` stay inside the shadow root: listen on the form itself, once.
      if (element != event.target && form && firstTime(form)) {
        if (change) on(form, 'change', onChange);
        if (submit) on(form, 'submit', onSubmit);
      }
      if (events.includes('focus_form')) onField(true, element);
    });
    const roots = new Set(targets ?? [document]);
    for (const form of listed ?? []) roots.add(form.getRootNode());
    for (const root of roots) {
      // Focus is heard even without focus_form: it is how forms in shadow roots are found.
      on(root, 'focus', onFocus, true);
      if (change) on(root, 'change', onChange);
      if (submit) on(root, 'submit', onSubmit);
    }
    return () => stops.forEach((stop) => stop());
  });
}

/**
 * Sends `focus_form`, `change_form` and `submit_form` for the page's forms, present now or added
 * later (Snowplow's `enableFormTracking`). Returns a function that stops it.
 */
export const enableFormTracking = (tracker: Tracker, options?: FormTrackingOptions): (() => void) => enable(tracker, formTracking(options));
