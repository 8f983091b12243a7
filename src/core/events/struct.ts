import type { BuiltEvent } from './built-event.js';
import { optionalNumber, optionalString, requireArgs, requireString } from '../validation.js';

/** A structured event (`e=se`): the classic category/action/label/property/value quintuple. */
export interface StructEvent {
  category: string;
  action: string;
  label?: string;
  property?: string;
  value?: number;
}

export function buildStructEvent(args: StructEvent): BuiltEvent {
  requireArgs(args, 'trackStructEvent');
  return {
    e: 'se',
    fields: {
      se_ca: requireString(args.category, 'category'),
      se_ac: requireString(args.action, 'action'),
      se_la: optionalString(args.label, 'label'),
      se_pr: optionalString(args.property, 'property'),
      se_va: optionalNumber(args.value, 'value'),
    },
  };
}
