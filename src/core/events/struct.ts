import type { BuiltEvent } from './built-event.js';
import { readFields, requireArgs, type FieldRule } from './field-rules.js';
import { NUMBER, REQUIRED, STRING } from './rule-kinds.js';

/** A structured event (`e=se`): the classic category/action/label/property/value quintuple. */
export interface StructEvent {
  category: string;
  action: string;
  label?: string | undefined;
  property?: string | undefined;
  value?: number | undefined;
}

const STRUCT: FieldRule[] = [
  ['category', STRING + REQUIRED, 'se_ca'],
  ['action', STRING + REQUIRED, 'se_ac'],
  ['label', STRING, 'se_la'],
  ['property', STRING, 'se_pr'],
  ['value', NUMBER, 'se_va'],
];

export function buildStructEvent(args: StructEvent): BuiltEvent {
  return { e: 'se', fields: readFields(requireArgs(args, 'trackStructEvent'), STRUCT) };
}
