// The Team Overview of an open plan, for the VS Code webview: the overview model, with rule pages linked like the
// diagnostics' and the document's URI as its file.

import type { Analysis } from '../engine/analyze';
import { buildOverview, type Overview } from '../overview/model';
import { RULES_BY_ID } from '../rules/index';
import { ruleDocsHref, type FeatureContext } from './context';

export function overview(analysis: Analysis, ctx: FeatureContext): Overview {
  return buildOverview(analysis, {
    file: ctx.uri,
    docsHref: (ruleId) => (RULES_BY_ID.has(ruleId) ? ruleDocsHref(ctx, ruleId) : undefined),
  });
}
