/*
 * Investor portal: a problem detail (RFC 9457) from the API in the page's language. The server
 * words its problems in English for developers; a page looks them up by a stable key instead:
 * portal.problem.<parameter>.<rule>, then portal.problem.<rule> with the field's name
 * (portal.param.<parameter>), then the problem's type, then its status. {0} is the field's name,
 * {1} the value refused.
 */
import { config as cfg, ApiError } from './common.js';

const has = (key) => Object.prototype.hasOwnProperty.call(cfg.msg, key);
const format = (pattern, args) => pattern
  .replace(/\{(\d+)\}/g, (all, i) => (args[i] == null ? '' : args[i])).replace(/''/g, "'");
const TYPES = { 'urn:problem:too-many-requests': 'portal.problem.tooMany', network: 'portal.problem.network' };

/** The problem behind a failed call of common.js (an ApiError), or { type: 'network' } when no answer came. */
export function of(error) {
  return error instanceof ApiError ? Object.assign({ status: error.status }, error.problem) : { type: 'network' };
}

/** The text to show for a problem (an object read from application/problem+json, or { type: 'network' }). */
export function text(problem) {
  const p = problem || {};
  const field = p.parameter && has('portal.param.' + p.parameter) ? cfg.msg['portal.param.' + p.parameter] : p.parameter;
  const args = [field, p.value];
  const keys = [];
  if (p.parameter && p.rule) keys.push('portal.problem.' + p.parameter + '.' + p.rule);
  if (p.rule) keys.push('portal.problem.' + p.rule);
  if (TYPES[p.type]) keys.push(TYPES[p.type]);
  if (p.parameter) keys.push('portal.problem.parameter');
  const key = keys.find(has);
  return key ? format(cfg.msg[key], args) : format(cfg.msg['portal.problem.status'] || '{0}', [p.status || '']);
}

