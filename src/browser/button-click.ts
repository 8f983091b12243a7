// Automatic button-click tracking (Snowplow's button click plugin): one delegated
// listener on the document, so that buttons added later are tracked too.
import type { BaseTracker as Tracker } from '../core/tracker.js';
import { trackButtonClick } from '../core/events/button-click.js';
import { classesOf, dynamicContext, elementFilter, type DynamicContext, type FilterCriterion } from './element-filter.js';
import { browserFeature, enable, guarded, type BrowserFeature } from './autotrack-plugin.js';
import { listen } from './env.js';

/** A button: `<button>` or `<input type="button">` (as Snowplow's plugin counts them). */
export type ButtonElement = HTMLButtonElement | HTMLInputElement;

/** Options of {@link enableButtonClickTracking} (Snowplow's `ButtonClickTrackingConfiguration`). */
export interface ButtonClickTrackingOptions {
  /**
   * Which buttons to track: by class (`{ allowlist }`/`{ denylist }`), or a function of the
   * button (Snowplow's form; `{ filter }` works too). @defaultValue every button
   */
  filter?: FilterCriterion<ButtonElement> | ((button: ButtonElement) => boolean) | undefined;
  /** The label of a button with no text (and no `data-sp-button-label`): a text, or a function of the button. @defaultValue '(empty)' */
  defaultLabel?: string | ((button: ButtonElement) => string) | undefined;
  /** Entities to attach to each click, or functions of the button that return one. @defaultValue none */
  context?: DynamicContext<ButtonElement> | undefined;
}

/** The button a click landed in, if any (the click may land on an icon inside it). */
function buttonOf(target: EventTarget | null): ButtonElement | null {
  const element = target instanceof Element ? target.closest('button,input[type=button]') : null;
  return element as ButtonElement | null;
}

/** The button-click plugin: added to a tracker in a browser, one listener on the document sends `button_click` 1-0-0. */
export function buttonClickTracking(options: ButtonClickTrackingOptions = {}): BrowserFeature {
  return browserFeature((tracker) => {
    const { filter, defaultLabel } = options;
    const tracked = typeof filter == 'function' ? filter : elementFilter(filter, classesOf);
    return listen(
      document,
      'click',
      guarded((event: Event) => {
        const button = buttonOf(event.composedPath()[0] ?? event.target);
        if (!button || !tracked(button)) return;
        // Snowplow's order: the data attribute, the value of an input or the text of a button, the default.
        const label =
          button.dataset.spButtonLabel ||
          (button instanceof HTMLInputElement ? button.value : button.innerText.trim()) ||
          (typeof defaultLabel == 'function' ? defaultLabel(button) : defaultLabel) ||
          '(empty)';
        trackButtonClick(tracker, { label, id: button.id, classes: classesOf(button), name: button.name, context: dynamicContext(options.context, button) });
      }),
    );
  });
}

/**
 * Sends `button_click` for clicks on the page's buttons, present now or added later
 * (Snowplow's `enableButtonClickTracking`). Returns a function that stops it.
 */
export const enableButtonClickTracking = (tracker: Tracker, options?: ButtonClickTrackingOptions): (() => void) => enable(tracker, buttonClickTracking(options));
