/**
 * `@isotrack/codegen`: typed tracking functions (and development-build validators)
 * generated from Iglu schemas. The command is `isotrack-codegen`; this is its API.
 */
export { generate } from './generate.js';
export type { GenerateOptions, GenerateResult, GeneratedEntry } from './generate.js';
export { readPlan } from './plan.js';
export type { Plan, PlanEntry, ValidateMode } from './plan.js';
export { CodegenError } from './errors.js';
export { pascalCase } from './naming.js';
export { CODEGEN_VERSION } from './version.js';
