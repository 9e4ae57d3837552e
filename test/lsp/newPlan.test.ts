// The "New team plan" template the server hands to the client: a valid plan with every role and activity.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { NewPlanTemplateRequest } from '../../server/src/common/protocol';
import { ACTIVITIES, ROLE_KEYS, TECH_FUNCTIONS } from '../../server/src/format/vocabulary';
import { LspPair } from './lspPair';

test('the new-plan template is a complete, clean plan', async () => {
  const pair = await LspPair.start();
  try {
    const text = await pair.request<string>(NewPlanTemplateRequest.method, undefined);
    const analysis = analyze(text);
    assert.deepEqual(analysis.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.ruleId}: ${f.message}`), []);
    const value = analysis.model.value as { roles: Record<string, unknown>; activities: Record<string, unknown> };
    assert.deepEqual(Object.keys(value.roles).sort(), [...ROLE_KEYS].sort());
    assert.deepEqual(Object.keys(value.roles.technicalStaff as object).sort(), [...TECH_FUNCTIONS].sort());
    assert.deepEqual(Object.keys(value.activities).sort(), [...ACTIVITIES].sort());
  } finally {
    await pair.dispose();
  }
});
