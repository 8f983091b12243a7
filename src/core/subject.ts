import { readFields, UUID, type RuleExtra } from './events/field-rules.js';
import { COUNT, REQUIRED, STRING } from './events/rule-kinds.js';
import { checkPlatform, type PlatformCode } from './platforms.js';
import type { Payload } from './types.js';

/**
 * Who and where an event comes from: user, device and session fields that a
 * tracker adds to every event. Setters are chainable; a per-event subject is
 * merged over the tracker's.
 *
 * Every setter checks its argument's type (and what the pipeline checks: a UUID
 * session id, whole-number sizes and index) and throws a TypeError naming it:
 * nothing is converted silently. `null` or `undefined` unsets a text field.
 */
export class Subject {
  /** The protocol fields this subject sets, e.g. `{ uid: 'u1', res: '1920x1080' }`. */
  readonly fields: Payload = {};

  /** Sets a text field, checked by `kind` and `extra` (see field-rules); `null`/`undefined` unset it. */
  private set(key: string, argument: string, value: unknown, extra?: RuleExtra): this {
    readFields({ [argument]: value }, [[argument, STRING, extra]]);
    if (value == null) delete this.fields[key];
    else this.fields[key] = value as string;
    return this;
  }

  /** Sets a whole number, or a `WxH` pair of them (0 to 2^31 - 1). */
  private whole(key: string, values: Record<string, unknown>): this {
    const names = Object.keys(values);
    readFields(values, names.map((name) => [name, COUNT + REQUIRED]));
    this.fields[key] = names.map((name) => values[name]).join('x');
    return this;
  }

  /** Platform code (`p`): web, mob, pc, srv, app, tv, cnsl, iot or headset; any other throws a TypeError. */
  setPlatform(platform: PlatformCode): this { this.fields.p = checkPlatform(platform, 'platform'); return this; }
  /** Business user id (`uid`). */
  setUserId(userId: string): this { return this.set('uid', 'userId', userId); }
  /** Screen resolution (`res`, sent as `WxH`): whole numbers from 0 to 2^31 - 1. */
  setScreenResolution(width: number, height: number): this { return this.whole('res', { width, height }); }
  /** Viewport size (`vp`, sent as `WxH`): whole numbers from 0 to 2^31 - 1. */
  setViewport(width: number, height: number): this { return this.whole('vp', { width, height }); }
  /** Colour depth in bits (`cd`), a whole number. */
  setColorDepth(depth: number): this { return this.whole('cd', { depth }); }
  /** Time zone name, e.g. `Europe/London` (`tz`). */
  setTimezone(timezone: string): this { return this.set('tz', 'timezone', timezone); }
  /** Language, e.g. `en-GB` (`lang`). */
  setLang(lang: string): this { return this.set('lang', 'lang', lang); }
  /** First-party domain user id (`duid`). */
  setDomainUserId(domainUserId: string): this { return this.set('duid', 'domainUserId', domainUserId); }
  /** Session id, a UUID (`sid`); anything else throws a TypeError. */
  setDomainSessionId(sessionId: string): this { return this.set('sid', 'sessionId', sessionId, UUID); }
  /** Session index, a whole number from 0 to 2^31 - 1 (`vid`); sessions count from 1. */
  setDomainSessionIndex(index: number): this { return this.whole('vid', { index }); }
  /** IP address override (`ip`). */
  setIpAddress(ip: string): this { return this.set('ip', 'ip', ip); }
  /** User-agent override (`ua`). */
  setUseragent(useragent: string): this { return this.set('ua', 'useragent', useragent); }
  /** Network user id set by the tracker (`tnuid`), overriding the collector's cookie. */
  setNetworkUserId(networkUserId: string): this { return this.set('tnuid', 'networkUserId', networkUserId); }
}
