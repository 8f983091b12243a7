// The public types name a few DOM types: a link filter receives the anchor, a button filter the button, a form
// transform the field, an error filter the ErrorEvent. A Node project compiles
// without the DOM library, so these empty declarations stand in for them there; where
// the DOM library is loaded they merge with its declarations and change nothing.
declare global {
  /* eslint-disable @typescript-eslint/no-empty-interface */
  interface HTMLAnchorElement {}
  interface HTMLAreaElement {}
  interface HTMLButtonElement {}
  interface HTMLFormElement {}
  interface HTMLInputElement {}
  interface HTMLSelectElement {}
  interface HTMLTextAreaElement {}
  interface ErrorEvent {}
  interface PromiseRejectionEvent {}
}

export {};
