// Snowplow's ruleset semantics for conditional global contexts: `accept` and `reject`
// lists of Iglu URIs in which a vendor part, the name or a version part may be `*`.

/** Which self-describing events a conditional global context applies to. */
export interface RuleSet {
  /** Iglu URIs in which a vendor part (not the first two), the name or a version part may be `*`: the event must match one. */
  accept?: string[] | string | undefined;
  /** Iglu URIs with `*` globs: the event must match none. */
  reject?: string[] | string | undefined;
}

// A rule, as Snowplow validates one: a vendor whose first two parts are literal, then
// literal parts, then only `*` parts; then the name and each version part, a word or `*`.
const RULE = /^iglu:([\w-]+\.[\w-]+(?:\.[\w-]+)*(?:\.\*)*)\/([\w.-]+|\*)\/jsonschema\/([1-9]\d*|\*)-(0|[1-9]\d*|\*)-(0|[1-9]\d*|\*)$/;
const SCHEMA = /^iglu:([\w.-]+)\/([\w-]+)\/jsonschema\/([1-9]\d*)-(0|[1-9]\d*)-(0|[1-9]\d*)$/;

/** The parts of a valid rule, or undefined. */
const ruleParts = (rule: string): string[] | undefined => RULE.exec(rule)?.slice(1);

/** True when `schema` matches `rule`: the same number of vendor parts, each part equal or `*`. */
function matches(rule: string[], schema: string[]): boolean {
  const ruleVendor = rule[0]!.split('.');
  const vendor = schema[0]!.split('.');
  const same = (r: string, s: string) => r == '*' || r == s;
  return ruleVendor.length == vendor.length && ruleVendor.every((r, i) => same(r, vendor[i]!)) && rule.slice(1).every((r, i) => same(r, schema[i + 1]!));
}

const list = (rules: string[] | string | undefined) => (rules === undefined ? [] : Array.isArray(rules) ? rules : [rules]);

/**
 * Checks a ruleset and returns its test: true for an event schema that matches an
 * `accept` rule and no `reject` rule. As in Snowplow, a ruleset with only `reject`
 * rules matches nothing, and events that are not self-describing (schema `''`) match
 * nothing. Returns undefined when the ruleset is not valid.
 */
export function compileRuleSet(ruleSet: RuleSet): ((schema: string) => boolean) | undefined {
  if (typeof ruleSet != 'object' || ruleSet === null || Array.isArray(ruleSet)) return undefined;
  if (ruleSet.accept === undefined && ruleSet.reject === undefined) return undefined;
  const accept = list(ruleSet.accept).map(ruleParts);
  const reject = list(ruleSet.reject).map(ruleParts);
  if (![...accept, ...reject].every(Boolean)) return undefined;
  return (schema) => {
    const parts = SCHEMA.exec(schema)?.slice(1);
    return !!parts && accept.some((rule) => matches(rule!, parts)) && !reject.some((rule) => matches(rule!, parts));
  };
}
