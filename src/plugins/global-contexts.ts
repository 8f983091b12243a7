// Add-on `dist/plugins/global-contexts.umd.min.js`: entities attached to every event, or to those a rule selects.
import { addGlobalContexts, clearGlobalContexts, removeGlobalContexts } from '../core/global-contexts.js';
import { register } from './register.js';

register({ addGlobalContexts, removeGlobalContexts, clearGlobalContexts });
