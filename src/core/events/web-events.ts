import { withoutEmpty, type BuiltEvent } from './built-event.js';
import { selfDescribing } from './self-describing.js';
import { SCHEMAS } from '../schemas.js';
import { optionalNumber, optionalString, requireArgs, requireNumber, requireString } from '../validation.js';

/** A click on a link (`link_click` 1-0-1). */
export interface LinkClickEvent {
  targetUrl: string;
  elementId?: string;
  elementClasses?: string[];
  elementTarget?: string;
  elementContent?: string;
}

/** A product added to or removed from a cart (`add_to_cart` / `remove_from_cart` 1-0-0). */
export interface CartEvent {
  sku: string;
  quantity: number;
  name?: string;
  category?: string;
  unitPrice?: number;
  currency?: string;
}

/** A form field's value changed (`change_form` 1-0-0). */
export interface FormChangeEvent {
  formId: string;
  elementId: string;
  /** `INPUT`, `TEXTAREA` or `SELECT`. */
  nodeName: 'INPUT' | 'TEXTAREA' | 'SELECT';
  /** The new value; `null` when it is not to be collected. */
  value: string | null;
  /** The input's type, e.g. `text`, `email`. */
  type?: string;
  elementClasses?: string[];
}

/** One field of a submitted form. */
export interface FormElement {
  name: string;
  value: string | null;
  nodeName: 'INPUT' | 'TEXTAREA' | 'SELECT';
  type?: string;
}

/** A form was submitted (`submit_form` 1-0-0). */
export interface FormSubmitEvent {
  formId: string;
  formClasses?: string[];
  elements?: FormElement[];
}

/** A search on the site (`site_search` 1-0-0). */
export interface SiteSearchEvent {
  terms: string[];
  filters?: Record<string, string | boolean>;
  totalResults?: number;
  pageResults?: number;
}

function optionalStrings(value: unknown, argument: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new TypeError(`isotrack: ${argument} must be an array of strings`);
  }
  return value as string[];
}

export function buildLinkClick(args: LinkClickEvent): BuiltEvent {
  requireArgs(args, 'trackLinkClick');
  return selfDescribing({
    schema: SCHEMAS.linkClick,
    data: withoutEmpty({
      targetUrl: requireString(args.targetUrl, 'targetUrl'),
      elementId: optionalString(args.elementId, 'elementId'),
      elementClasses: optionalStrings(args.elementClasses, 'elementClasses'),
      elementTarget: optionalString(args.elementTarget, 'elementTarget'),
      elementContent: optionalString(args.elementContent, 'elementContent'),
    }),
  });
}

function buildCart(schema: string, method: string, args: CartEvent): BuiltEvent {
  requireArgs(args, method);
  return selfDescribing({
    schema,
    data: withoutEmpty({
      sku: requireString(args.sku, 'sku'),
      quantity: requireNumber(args.quantity, 'quantity'),
      name: optionalString(args.name, 'name'),
      category: optionalString(args.category, 'category'),
      unitPrice: optionalNumber(args.unitPrice, 'unitPrice'),
      currency: optionalString(args.currency, 'currency'),
    }),
  });
}

export const buildAddToCart = (args: CartEvent) => buildCart(SCHEMAS.addToCart, 'trackAddToCart', args);
export const buildRemoveFromCart = (args: CartEvent) => buildCart(SCHEMAS.removeFromCart, 'trackRemoveFromCart', args);

export function buildFormChange(args: FormChangeEvent): BuiltEvent {
  requireArgs(args, 'trackFormChange');
  return selfDescribing({
    schema: SCHEMAS.changeForm,
    data: withoutEmpty(
      {
        formId: requireString(args.formId, 'formId'),
        elementId: requireString(args.elementId, 'elementId'),
        nodeName: requireString(args.nodeName, 'nodeName'),
        elementClasses: optionalStrings(args.elementClasses, 'elementClasses'),
        // The schema requires `value`, and allows null for fields not to be collected.
        value: optionalString(args.value, 'value') ?? null,
        type: optionalString(args.type, 'type'),
      },
      { value: true },
    ),
  });
}

export function buildFormSubmit(args: FormSubmitEvent): BuiltEvent {
  requireArgs(args, 'trackFormSubmit');
  if (args.elements !== undefined && !Array.isArray(args.elements)) {
    throw new TypeError('isotrack: elements must be an array of {name, value, nodeName}');
  }
  return selfDescribing({
    schema: SCHEMAS.submitForm,
    data: withoutEmpty({
      formId: requireString(args.formId, 'formId'),
      formClasses: optionalStrings(args.formClasses, 'formClasses'),
      elements: args.elements,
    }),
  });
}

export function buildSiteSearch(args: SiteSearchEvent): BuiltEvent {
  requireArgs(args, 'trackSiteSearch');
  const terms = optionalStrings(args.terms, 'terms');
  if (!terms) throw new TypeError('isotrack: terms must be an array of strings');
  return selfDescribing({
    schema: SCHEMAS.siteSearch,
    data: withoutEmpty({
      terms,
      filters: args.filters,
      totalResults: optionalNumber(args.totalResults, 'totalResults'),
      pageResults: optionalNumber(args.pageResults, 'pageResults'),
    }),
  });
}
