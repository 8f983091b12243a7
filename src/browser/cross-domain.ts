import { listen } from './env.js';

/** Decides which links carry the user id to another domain. */
export type CrossDomainLinker = (anchor: HTMLAnchorElement | HTMLAreaElement) => boolean;

/** `href` with `_sp=<value>` first in its query (replacing an earlier `_sp`), before any fragment. */
export function decorateHref(href: string, value: string): string {
  const [base = '', ...fragment] = href.split('#');
  const [path, ...query] = base.split('?');
  const fields = query.join('?').split('&').filter((field) => field && !field.startsWith('_sp='));
  return [`${path}?${['_sp=' + value, ...fields].join('&')}`, ...fragment].join('#');
}

/**
 * Snowplow's cross-domain linking: when a link that `accept` approves is followed
 * (mousedown or click, the keyboard's Enter included), its `href` gets
 * `_sp=<domain user id>.<ms timestamp>`, which Enrich reads as the user on the other
 * domain. One listener on the document (capture, before the navigation), so that links
 * added after this call are decorated too. No id (anonymous tracking), no decoration.
 * Returns the remover.
 */
export function linkCrossDomain(accept: CrossDomainLinker, domainUserId: () => string | undefined): () => void {
  return listen(document, 'mousedown click', (event) => {
    const anchor = (event.target as Element | null)?.closest?.('a[href],area[href]') as HTMLAnchorElement | null;
    const id = anchor && domainUserId();
    try {
      if (id && accept(anchor)) anchor.href = decorateHref(anchor.href, `${id}.${Date.now()}`);
    } catch (error) {
      // The site's filter threw: the link is followed undecorated.
      console.error(error);
    }
  });
}
