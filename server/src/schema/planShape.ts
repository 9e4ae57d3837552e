// Whether a parsed YAML document is a team plan at all: a mapping with at least one of the format's top-level keys.
// Any other YAML (a list, a lone value, a mapping of unrelated keys) is not a plan with everything missing: the
// engine then runs only the structure rules, and `schema` says once what a plan looks like.

import { isMap, isScalar } from 'yaml';
import schemaJson from '../../../schemas/crmteam.schema.json';
import type { YamlModel } from '../model/yamlModel';

/** The keys a plan may have at its top level, from the schema. */
export const TOP_LEVEL_KEYS: readonly string[] = Object.keys((schemaJson as { properties: Record<string, unknown> }).properties);

/** `true` for an empty document and for a mapping with at least one top-level key of the format. */
export function isPlanShaped(model: YamlModel): boolean {
  const root = model.root;
  if (root === null || root === undefined || (isScalar(root) && root.value === null)) return true;
  if (!isMap(root)) return false;
  return root.items.length === 0 || root.items.some((pair) => isScalar(pair.key) && TOP_LEVEL_KEYS.includes(String(pair.key.value)));
}
