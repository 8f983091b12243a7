import { readFields, INTEGER, REQUIRED } from './events/field-rules.js';
import { checkPlatform, type PlatformCode } from './platforms.js';
import type { Payload } from './types.js';

/**
 * Throws a TypeError naming the first of `values` that is not a whole number: the
 * pipeline reads `res`, `vp`, `cd` and `vid` as integers and refuses an event whose
 * field holds a fraction.
 */
const requireWhole = (values: Record<string, unknown>): void =>
  void readFields(values, Object.keys(values).map((name) => [name, INTEGER + REQUIRED]));

/**
 * Who and where an event comes from: user, device and session fields that a
 * tracker adds to every event. Setters are chainable; a per-event subject is
 * merged over the tracker's.
 */
export class Subject {
  /** The protocol fields this subject sets, e.g. `{ uid: 'u1', res: '1920x1080' }`. */
  readonly fields: Payload = {};

  private set(key: string, value: string | number): this {
    this.fields[key] = String(value);
    return this;
  }

  /** Platform code (`p`): web, mob, pc, srv, app, tv, cnsl, iot or headset; any other throws a TypeError. */
  setPlatform(platform: PlatformCode): this { return this.set('p', checkPlatform(platform, 'platform')); }
  /** Business user id (`uid`). */
  setUserId(userId: string): this { return this.set('uid', userId); }
  /** Screen resolution (`res`, sent as `WxH`). */
  setScreenResolution(width: number, height: number): this { requireWhole({ width, height }); return this.set('res', `${width}x${height}`); }
  /** Viewport size (`vp`, sent as `WxH`). */
  setViewport(width: number, height: number): this { requireWhole({ width, height }); return this.set('vp', `${width}x${height}`); }
  /** Colour depth in bits (`cd`). */
  setColorDepth(depth: number): this { requireWhole({ depth }); return this.set('cd', depth); }
  /** Time zone name, e.g. `Europe/London` (`tz`). */
  setTimezone(timezone: string): this { return this.set('tz', timezone); }
  /** Language, e.g. `en-GB` (`lang`). */
  setLang(lang: string): this { return this.set('lang', lang); }
  /** First-party domain user id (`duid`). */
  setDomainUserId(domainUserId: string): this { return this.set('duid', domainUserId); }
  /** Session id, a UUID (`sid`). */
  setDomainSessionId(sessionId: string): this { return this.set('sid', sessionId); }
  /** Session index, starting at 1 (`vid`). */
  setDomainSessionIndex(index: number): this { requireWhole({ index }); return this.set('vid', index); }
  /** IP address override (`ip`). */
  setIpAddress(ip: string): this { return this.set('ip', ip); }
  /** User-agent override (`ua`). */
  setUseragent(useragent: string): this { return this.set('ua', useragent); }
  /** Network user id set by the tracker (`tnuid`), overriding the collector's cookie. */
  setNetworkUserId(networkUserId: string): this { return this.set('tnuid', networkUserId); }
}
