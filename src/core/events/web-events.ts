import type { BuiltEvent } from './built-event.js';
import { readFields, requireArgs, ARRAY, INTEGER, NULLABLE, NUMBER, OBJECT, REQUIRED, STRING, STRINGS, type FieldRule } from './field-rules.js';
import { selfDescribing } from './self-describing.js';
import { SCHEMAS } from '../schemas.js';

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
  /** The input's type, e.g. `text`, `email`. */
  type?: string | undefined;
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
  terms: string[];
  filters?: Record<string, string | boolean> | undefined;
  /** Whole number of results. */
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
const FORM_CHANGE: FieldRule[] = [
  ['formId', STRING + REQUIRED],
  ['elementId', STRING + REQUIRED],
  ['nodeName', STRING + REQUIRED],
  ['elementClasses', STRINGS],
  // The schema requires `value`, and allows null for fields not to be collected.
  ['value', STRING + NULLABLE],
  ['type', STRING],
];
const FORM_SUBMIT: FieldRule[] = [['formId', STRING + REQUIRED], ['formClasses', STRINGS], ['elements', ARRAY]];
const SITE_SEARCH: FieldRule[] = [
  ['terms', STRINGS + REQUIRED],
  ['filters', OBJECT],
  ['totalResults', INTEGER],
  ['pageResults', INTEGER],
];

function webEvent(schema: string, rules: FieldRule[], method: string) {
  return (args: object): BuiltEvent => selfDescribing(schema, readFields(requireArgs(args, method), rules));
}

export const buildLinkClick: (args: LinkClickEvent) => BuiltEvent = webEvent(SCHEMAS.linkClick, LINK_CLICK, 'trackLinkClick');
export const buildAddToCart: (args: CartEvent) => BuiltEvent = webEvent(SCHEMAS.addToCart, CART, 'trackAddToCart');
export const buildRemoveFromCart: (args: CartEvent) => BuiltEvent = webEvent(SCHEMAS.removeFromCart, CART, 'trackRemoveFromCart');
export const buildFormChange: (args: FormChangeEvent) => BuiltEvent = webEvent(SCHEMAS.changeForm, FORM_CHANGE, 'trackFormChange');
export const buildFormSubmit: (args: FormSubmitEvent) => BuiltEvent = webEvent(SCHEMAS.submitForm, FORM_SUBMIT, 'trackFormSubmit');
export const buildSiteSearch: (args: SiteSearchEvent) => BuiltEvent = webEvent(SCHEMAS.siteSearch, SITE_SEARCH, 'trackSiteSearch');
