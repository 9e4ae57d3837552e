// Edit distance and "did you mean" ordering, shared by schema findings and person references.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closest, editDistance } from '../../../server/src/core/suggest';

test('editDistance counts insertions, deletions and substitutions', () => {
  assert.equal(editDistance('', ''), 0);
  assert.equal(editDistance('abc', ''), 3);
  assert.equal(editDistance('', 'abc'), 3);
  assert.equal(editDistance('owner', 'owner'), 0);
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('ownr', 'owner'), 1);
  assert.equal(editDistance('itowner', 'itOwner'), 1, 'it is case-sensitive');
});

test('editDistance counts a swap of neighbouring characters as one edit', () => {
  assert.equal(editDistance('onwer', 'owner'), 1);
  assert.equal(editDistance('uiDesing', 'uiDesign'), 1);
  assert.equal(editDistance('ca', 'abc'), 3, 'optimal string alignment: no edits inside a swapped pair');
});

test('editDistance is symmetric and counts code points', () => {
  for (const [a, b] of [['kitten', 'sitting'], ['onwer', 'owner'], ['', 'x'], ['medium', 'Medium']] as const) {
    assert.equal(editDistance(a, b), editDistance(b, a));
  }
  assert.equal(editDistance('café', 'cafe'), 1);
  assert.equal(editDistance('😀a', 'a'), 1, 'an emoji is one character, not two UTF-16 units');
});

test('closest ignores case first, then sorts by distance and alphabet', () => {
  assert.deepEqual(closest('Medium', ['small', 'medium', 'large', 'enterprise']), ['medium']);
  assert.deepEqual(closest('cat', ['cats', 'at', 'dog', 'cut', 'bot']), ['at', 'cats', 'cut', 'bot']);
  assert.deepEqual(closest('Itowner', ['itowner2', 'itOwner']), ['itOwner', 'itowner2']);
  // Same folded distance: the candidate closer in case wins.
  assert.deepEqual(closest('jdoe', ['JDOE', 'jdoe']), ['jdoe', 'JDOE']);
});

test('closest honours maxDistance and returns each candidate once', () => {
  assert.deepEqual(closest('abc', ['abd', 'xyz']), ['abd']);
  assert.deepEqual(closest('abc', ['abd', 'xyz'], 0), []);
  assert.deepEqual(closest('abc', ['abd', 'abd', 'ab']), ['ab', 'abd']);
  assert.deepEqual(closest('owner', []), []);
  assert.deepEqual(closest('support', ['requirements', 'toolSelection', 'vision']), []);
});
