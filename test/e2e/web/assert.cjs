// `node:assert/strict` for the end-to-end suite in the browser's extension host, which has no Node modules: the web
// test bundle (test/e2e/web/suite.cjs, built by esbuild.mjs) maps `node:assert/strict` to this file. Only what the
// suite uses, with the strict semantics (Object.is, structural deep equality). Never shipped.
'use strict';

class AssertionError extends Error {
  constructor(message, actual, expected, operator) {
    super(message);
    this.name = 'AssertionError';
    Object.assign(this, { actual, expected, operator, code: 'ERR_ASSERTION' });
  }
}

const show = (v) => {
  try { return typeof v === 'string' ? JSON.stringify(v) : v instanceof RegExp ? String(v) : JSON.stringify(v) ?? String(v); } catch { return String(v); }
};
const fail = (message, fallback, actual, expected, operator) => {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? fallback, actual, expected, operator);
};

function deepEqual(a, b) {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a) && a.length !== b.length) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
}

function ok(value, message) {
  if (!value) fail(message, `expected a truthy value, got ${show(value)}`, value, true, '==');
}

const assert = Object.assign(ok, {
  AssertionError,
  ok,
  equal(actual, expected, message) {
    if (!Object.is(actual, expected)) fail(message, `${show(actual)} !== ${show(expected)}`, actual, expected, 'strictEqual');
  },
  notEqual(actual, expected, message) {
    if (Object.is(actual, expected)) fail(message, `${show(actual)} should not be ${show(expected)}`, actual, expected, 'notStrictEqual');
  },
  deepEqual(actual, expected, message) {
    if (!deepEqual(actual, expected)) fail(message, `${show(actual)} does not deep-equal ${show(expected)}`, actual, expected, 'deepStrictEqual');
  },
  match(string, regexp, message) {
    if (typeof string !== 'string' || !regexp.test(string)) fail(message, `${show(string)} does not match ${regexp}`, string, regexp, 'match');
  },
  doesNotMatch(string, regexp, message) {
    if (typeof string !== 'string' || regexp.test(string)) fail(message, `${show(string)} matches ${regexp}`, string, regexp, 'doesNotMatch');
  },
});
assert.strict = assert;
module.exports = assert;
