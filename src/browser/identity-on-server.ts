import type { Identity } from './identity-types.js';

const nothing = () => {};

/**
 * `identity()` outside a browser (server-side rendering, a worker, Node): there are no
 * cookies or storage to read, so it adds nothing to events and stores nothing, and its
 * controls do nothing; every event is allowed. Shared code can call it everywhere.
 */
export function identityOnServer(): Identity {
  return {
    allowed: () => true,
    anonymous: () => false,
    serverAnonymous: () => false,
    enableAnonymousTracking: nothing,
    disableAnonymousTracking: nothing,
    setAnonymous: nothing,
    clearUserData: nothing,
    optOut: nothing,
    optIn: nothing,
    newSession: nothing,
    save: nothing,
    ids: () => undefined,
    // Snowplow's shape with nothing in it: cookies disabled, no user, no session.
    info: () => ['1', '', 0, 0, 0, '', '', '', '', '', 0],
    cookieName: () => '',
    beforeTrack: nothing,
  };
}
