// What link-click and form tracking share: which elements to track, and the entities
// to attach to their events.
import { warn } from '../core/plugins.js';
import type { SelfDescribingJson } from '../core/types.js';
import { isSelfDescribing } from '../core/validation.js';

/**
 * Which elements to track (Snowplow's `FilterCriterion`): only those with a listed
 * class (or name, for form fields) with `allowlist`, all but those with `denylist`,
 * or those for which `filter` returns true. At most one of the three is used.
 */
export interface FilterCriterion<E> {
  allowlist?: string[] | undefined;
  denylist?: string[] | undefined;
  filter?: ((element: E) => boolean) | undefined;
}

/** Entities for an automatic event: entities, or functions of the element that return one (or undefined). */
export type DynamicContext<E> = Array<SelfDescribingJson | ((element: E) => SelfDescribingJson | null | undefined)>;

/** A test of elements from a criterion; `key` reads what the lists name (classes, or a field's name). */
export function elementFilter<E>(criterion: FilterCriterion<E> | undefined, key: (element: E) => string[]): (element: E) => boolean {
  const { allowlist, denylist, filter } = criterion ?? {};
  if (allowlist) return (element) => key(element).some((word) => allowlist.includes(word));
  if (denylist) return (element) => !key(element).some((word) => denylist.includes(word));
  return filter ?? (() => true);
}

/** The entities of a `context` option for one element; a function that throws or returns something else is skipped with a warning. */
export function dynamicContext<E>(context: DynamicContext<E> | undefined, element: E): SelfDescribingJson[] {
  const out: SelfDescribingJson[] = [];
  for (const item of context ?? []) {
    let entity: unknown = item;
    try {
      if (typeof item == 'function') entity = item(element);
    } catch (error) {
      warn(error);
      continue;
    }
    if (isSelfDescribing(entity)) out.push(entity);
    else if (entity != null) warn('not an entity', entity);
  }
  return out;
}

/** The classes of an element, as a list. */
export const classesOf = (element: Element): string[] => Array.from(element.classList);
