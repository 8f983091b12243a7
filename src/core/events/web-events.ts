import type { BuiltEvent } from './built-event.js';
import { readFields, requireArgs, type FieldRule } from './field-rules.js';
import { ARRAY, COUNT, EMPTY, NULLABLE, NUMBER, OBJECT, REQUIRED, STRING, STRINGS } from './rule-kinds.js';
import { selfDescribing } from './self-describing.js';
import { ADD_TO_CART_SCHEMA, CHANGE_FORM_SCHEMA, FOCUS_FORM_SCHEMA, LINK_CLICK_SCHEMA, REMOVE_FROM_CART_SCHEMA, SITE_SEARCH_SCHEMA, SUBMIT_FORM_SCHEMA } from '../add-on-schemas.js';

/** A click on a link (`link_click` 1-0-1). */
export interface LinkClickEvent {
  targetUrl: string;
  elementId?: string | undefined;
  elementClasses?: string[] | undefined;
  elementTarget?: string | undefined;
  elementContent?: string | undefined;
}

/** A product added to or removed from a cart (`add_to_cart` / `remove_from_cart` 1-0-0). */
export interface CartEvent {
  sku: string;
  quantity: number;
  name?: string | undefined;
  category?: string | undefined;
  unitPrice?: number | undefined;
  currency?: string | undefined;
}

/** A form field's value changed (`change_form` 1-0-0). */
export interface FormChangeEvent {
  formId: string;
  elementId: string;
  /** `INPUT`, `TEXTAREA` or `SELECT`. */
  nodeName: 'INPUT' | 'TEXTAREA' | 'SELECT';
  /** The new value; `null` (the default) when it is not to be collected. */
  value?: string | null | undefined;
  /** The input's type, one of the HTML input types (`text`, `email`, …). */
  type?: string | undefined;
  elementClasses?: string[] | undefined;
}

/** A form field gained focus (`focus_form` 1-0-0). */
export interface FormFocusEvent {
  formId: string;
  elementId: string;
  /** `INPUT`, `TEXTAREA` or `SELECT`. */
  nodeName: 'INPUT' | 'TEXTAREA' | 'SELECT';
  /** The value when it gained focus; `null` (the default) when it is not to be collected. */
  value?: string | null | undefined;
  /** The input's type, one of the HTML input types (`text`, `email`, …). */
  elementType?: string | undefined;
  elementClasses?: string[] | undefined;
}

/** One field of a submitted form. */
export interface FormElement {
  name: string;
  value: string | null;
  nodeName: 'INPUT' | 'TEXTAREA' | 'SELECT';
  type?: string | undefined;
}

/** A form was submitted (`submit_form` 1-0-0). */
export interface FormSubmitEvent {
  formId: string;
  formClasses?: string[] | undefined;
  elements?: FormElement[] | undefined;
}

/** A search on the site (`site_search` 1-0-0). */
export interface SiteSearchEvent {
  /** At least one term. */
  terms: string[];
  filters?: Record<string, string | boolean> | undefined;
  /** Whole number of results, 0 to 2^31 - 1. */
  totalResults?: number | undefined;
  /** Whole number of results shown on this page. */
  pageResults?: number | undefined;
}

// Rule order is the order of the keys in the event data, as @snowplow/tracker-core sends them.
const LINK_CLICK: FieldRule[] = [
  ['targetUrl', STRING + REQUIRED],
  ['elementId', STRING],
  ['elementClasses', STRINGS],
  ['elementTarget', STRING],
  ['elementContent', STRING],
];
const CART: FieldRule[] = [
  ['sku', STRING + REQUIRED],
  ['quantity', NUMBER + REQUIRED],
  ['name', STRING],
  ['category', STRING],
  ['unitPrice', NUMBER],
  ['currency', STRING],
];
// The schemas' enums and maxLengths (change_form and submit_form 1-0-0).
const NODE_NAMES = ['INPUT', 'TEXTAREA', 'SELECT'];
const INPUT_TYPES = /* @__PURE__ */ 'button checkbox color date datetime datetime-local email file hidden image month number password radio range reset search submit tel text time url week'.split(' ');
const ID_LENGTH = 4096;
const VALUE_LENGTH = 65535;
const FORM_CHANGE: FieldRule[] = [
  ['formId', STRING + REQUIRED, ID_LENGTH],
  ['elementId', STRING + REQUIRED, ID_LENGTH],
  ['nodeName', STRING + REQUIRED, NODE_NAMES],
  ['elementClasses', STRINGS, ID_LENGTH],
  // The schema requires `value`, and allows null for fields not to be collected.
  ['value', STRING + NULLABLE, VALUE_LENGTH],
  ['type', STRING, INPUT_TYPES],
];
// focus_form has change_form's fields, and names the input type `elementType`.
const FORM_FOCUS: FieldRule[] = /* @__PURE__ */ FORM_CHANGE.slice(0, 5).concat([['elementType', STRING, INPUT_TYPES]]);
const FORM_ELEMENT: FieldRule[] = [
  ['name', STRING + REQUIRED + EMPTY, VALUE_LENGTH],
  ['value', STRING + NULLABLE, VALUE_LENGTH],
  ['nodeName', STRING + REQUIRED, NODE_NAMES],
  ['type', STRING, INPUT_TYPES],
];
const FORM_SUBMIT: FieldRule[] = [
  ['formId', STRING + REQUIRED, ID_LENGTH],
  ['formClasses', STRINGS, ID_LENGTH],
  ['elements', ARRAY, FORM_ELEMENT],
];
const SITE_SEARCH: FieldRule[] = [
  ['terms', STRINGS + REQUIRED],
  ['filters', OBJECT, ['string', 'boolean']],
  ['totalResults', COUNT],
  ['pageResults', COUNT],
];

// Plain arrow functions, not values computed at load: every bundler (esbuild too) drops
// the builders, and their tables, that a bundle does not use.
const webEvent = (args: object, schema: string, rules: FieldRule[], method: string): BuiltEvent => selfDescribing(schema, readFields(requireArgs(args, method), rules));

export const buildLinkClick = (args: LinkClickEvent): BuiltEvent => webEvent(args, LINK_CLICK_SCHEMA, LINK_CLICK, 'trackLinkClick');
export const buildAddToCart = (args: CartEvent): BuiltEvent => webEvent(args, ADD_TO_CART_SCHEMA, CART, 'trackAddToCart');
export const buildRemoveFromCart = (args: CartEvent): BuiltEvent => webEvent(args, REMOVE_FROM_CART_SCHEMA, CART, 'trackRemoveFromCart');
export const buildFormChange = (args: FormChangeEvent): BuiltEvent => webEvent(args, CHANGE_FORM_SCHEMA, FORM_CHANGE, 'trackFormChange');
export const buildFormFocus = (args: FormFocusEvent): BuiltEvent => webEvent(args, FOCUS_FORM_SCHEMA, FORM_FOCUS, 'trackFormFocus');
export const buildFormSubmit = (args: FormSubmitEvent): BuiltEvent => webEvent(args, SUBMIT_FORM_SCHEMA, FORM_SUBMIT, 'trackFormSubmit');
export const buildSiteSearch = (args: SiteSearchEvent): BuiltEvent => webEvent(args, SITE_SEARCH_SCHEMA, SITE_SEARCH, 'trackSiteSearch');
