// Automatic form tracking: delegated `change` and `submit` listeners on the document,
// so that forms added later are tracked too. A password field's value never leaves
// the page: it is not read into any event, and so never reaches the queue's storage.
// Any tracker: the lean one (newTracker's) and the full class both are one.
import type { BaseTracker as Tracker } from '../core/tracker.js';
import type { FormElement } from '../core/events/web-events.js';
import { classesOf, dynamicContext, elementFilter, type DynamicContext, type FilterCriterion } from './element-filter.js';
import { browserFeature, enable, guarded, type BrowserFeature } from './autotrack-plugin.js';
import { listen } from './env.js';
import { trackFormChange, trackFormSubmit } from '../core/events/track.js';

/** A form field that form tracking reads. */
export type FormField = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** Options of {@link enableFormTracking} (Snowplow's `FormTrackingConfiguration`). */
export interface FormTrackingOptions {
  options?: {
    /** Which forms to track, by class (`allowlist`/`denylist`) or by a `filter` function. @defaultValue every form */
    forms?: FilterCriterion<HTMLFormElement> | undefined;
    /**
     * Which fields to track, by `name` (`allowlist`/`denylist`) or by a `filter`
     * function, and a `transform` of each value before it is sent (to redact it).
     * @defaultValue every field, values as they are
     */
    fields?: (FilterCriterion<FormField> & { transform?: ((value: string | null, element: FormField) => string | null) | undefined }) | undefined;
  } | undefined;
  /** Entities to attach to each form event, or functions of the form or field that return one. @defaultValue none */
  context?: DynamicContext<HTMLFormElement | FormField> | undefined;
}

const FIELDS = ['INPUT', 'SELECT', 'TEXTAREA'];

/** What a form or field is called in events: its name, id, type or tag name, as Snowplow names them. */
const identifier = (element: Element): string => {
  const { name, id, type } = element as HTMLInputElement;
  return [name, id, type, element.nodeName].find((word) => typeof word == 'string' && word) as string;
};

/** The input type (lower case), or undefined for a select or text area. */
const typeOf = (field: FormField) => (field.nodeName == 'INPUT' ? (field.type || 'text').toLowerCase() : undefined);

/**
 * The form tracking plugin: added to a tracker in a browser, sends `change_form` 1-0-0
 * when a field's value changes and `submit_form` 1-0-0 when a form is submitted.
 * Inert outside a browser.
 */
export function formTracking(options: FormTrackingOptions = {}): BrowserFeature {
  return browserFeature((tracker) => {
    const formTracked = elementFilter(options.options?.forms, classesOf);
    const fields = options.options?.fields;
    const fieldTracked = elementFilter(fields, (field: FormField) => [field.name]);
    /** The value to send: null for a password (never read), an unchecked box, or what `transform` makes of it. */
    const valueOf = (field: FormField): string | null => {
      const type = typeOf(field);
      if (type == 'password' || ((type == 'checkbox' || type == 'radio') && !(field as HTMLInputElement).checked)) return null;
      return fields?.transform ? fields.transform(field.value, field) : field.value;
    };
    const stopChange = listen(
      document,
      'change',
      guarded(({ target }) => {
        const field = target as FormField;
        const form = (field as HTMLInputElement | null)?.form;
        if (!form || !FIELDS.includes(field.nodeName) || !formTracked(form) || !fieldTracked(field)) return;
        const event: Parameters<typeof trackFormChange>[1] = {
          formId: identifier(form),
          elementId: identifier(field),
          nodeName: field.nodeName as FormElement['nodeName'],
          value: valueOf(field),
          context: dynamicContext(options.context, field),
        };
        const type = typeOf(field);
        if (type) event.type = type;
        if (field.classList.length) event.elementClasses = classesOf(field);
        trackFormChange(tracker, event);
      }),
    );
    const stopSubmit = listen(
      document,
      'submit',
      guarded(({ target }) => {
        const form = target as HTMLFormElement;
        if (form.nodeName != 'FORM' || !formTracked(form)) return;
        const elements: FormElement[] = [];
        for (const element of Array.from(form.elements) as FormField[]) {
          const type = typeOf(element);
          // Buttons carry no data; a password is left out altogether.
          if (!FIELDS.includes(element.nodeName) || /^(submit|image|button|password)$/.test(type!) || !fieldTracked(element)) continue;
          const item: FormElement = { name: identifier(element), value: valueOf(element), nodeName: element.nodeName as FormElement['nodeName'] };
          if (type) item.type = type;
          elements.push(item);
        }
        const event: Parameters<typeof trackFormSubmit>[1] = { formId: identifier(form), elements, context: dynamicContext(options.context, form) };
        if (form.classList.length) event.formClasses = classesOf(form);
        trackFormSubmit(tracker, event);
      }),
    );
    return () => (stopChange(), stopSubmit());
  });
}

/**
 * Sends `change_form` and `submit_form` for the page's forms, present now or added
 * later (Snowplow's `enableFormTracking`). Returns a function that stops it.
 */
export const enableFormTracking = (tracker: Tracker, options?: FormTrackingOptions): (() => void) => enable(tracker, formTracking(options));
