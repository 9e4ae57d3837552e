// The head-of-IT title test of docs/format.md, one table: the usual titles, their exclusions and look-alikes.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isHeadOfItTitle } from '../../server/src/plan/headOfIt';

const HEADS: readonly string[] = [
  'CIO',
  'cio',
  'Cio',
  'Chief Information Officer',
  'chief information officer',
  'CHIEF  INFORMATION\tOFFICER',
  'CTO',
  'Chief Technology Officer',
  'IT Director',
  'Director of IT',
  'Director of Information Technology',
  'Head of IT',
  'Head of Information Technology',
  'VP IT',
  'VP of IT',
  'VP Information Technology',
  'VP of Information Technology',
  'Vice President of IT',
  'Vice President of Information Technology',
  'Senior Vice President of Information Technology',
  'Group CIO',
  'Acting CIO',
  'Interim Head of IT',
  'Regional IT Director',
  'CIO, EMEA',
  'CIO and CTO',
  'Chief Information Officer (CIO)',
  'EVP & CIO',
  'SVP / CIO',
  'CIO - Retail Division',
  'CIO.',
  'Chief Operating Officer and CIO',
  'Director of IT Operations and CIO',
  'Head of IT, Nordics',
];

const NOT_HEADS: readonly string[] = [
  '',
  'IT Manager',
  'Business Applications Manager',
  'Deputy CIO',
  'Deputy Group CIO',
  'deputy cio',
  'Assistant to the CIO',
  'Associate CIO',
  'Associate Director of IT',
  'Former CIO',
  'Chief of Staff, Office of the CIO',
  'Adviser to the CTO',
  'Assistant IT Director',
  'Director of IT Operations',
  'Head of IT Security',
  'Head of IT Infrastructure',
  'IT Director Assistant',
  'CIO Office Manager',
  "Head of IT's office",
  'CIOs council member',
  'Chief Information Security Officer',
  'Chief Technical Officer',
  'Director of Sales',
  'Head of Sales IT',
  'VP Sales',
  'Vice President of Sales',
  'Director, IT',
  'Sales Operations CRM Administrator',
  'Socio-economic analyst',
  'Junior CTOx',
];

test('titles that name the head of IT', () => {
  for (const title of HEADS) assert.equal(isHeadOfItTitle(title), true, `"${title}" should be a head of IT`);
});

test('titles that do not name the head of IT', () => {
  for (const title of NOT_HEADS) assert.equal(isHeadOfItTitle(title), false, `"${title}" should not be a head of IT`);
});

test('the same call gives the same answer every time (no state kept between calls)', () => {
  for (let i = 0; i < 3; i++) {
    assert.equal(isHeadOfItTitle('Deputy CIO'), false);
    assert.equal(isHeadOfItTitle('CIO'), true);
  }
});
