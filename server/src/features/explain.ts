// What a key or a value of a plan means, as Markdown: the guidance in `knowledge/` where there is some, else the
// schema's own descriptions. Hover and completion both ask here, so they say the same thing about the same place.

import {
  activityHoverMarkdown, affiliationHoverMarkdown, departmentHoverMarkdown, fieldHoverMarkdown,
  projectFieldHoverMarkdown, roleHoverMarkdown, techFunctionHoverMarkdown,
} from '../knowledge/markdown';
import { ACTIVITY_FIELD_GUIDANCE, ASSIGNMENT_FIELD_GUIDANCE, PARTNER_FIELD_GUIDANCE, PROJECT_FIELD_GUIDANCE } from '../knowledge/fields';
import type { Path } from '../model/yamlModel';
import { own } from '../core/own';
import { allowedKeysAt, schemaAtPath, type SchemaNode } from '../schema/lookup';
import { formatDocsHref } from './context';

/** `roles.businessOwners[0].person`. */
export function pathLabel(path: Path): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}


function text(node: unknown, key: string): string | undefined {
  const value = own(node, key);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The schema at `path`, never throwing. */
export function schemaAt(path: Path): SchemaNode | undefined {
  try {
    return schemaAtPath(path);
  } catch {
    return undefined;
  }
}

export interface EnumValue {
  readonly value: string;
  /** One line, for completion details. */
  readonly short?: string;
  /** Markdown. */
  readonly long?: string;
}

/** The values a scalar at `path` may take: its `enum`, `true`/`false` for booleans, its `const`. */
export function allowedValues(path: Path): EnumValue[] {
  const node = schemaAt(path);
  if (!node) return [];
  const values = own(node, 'enum');
  if (Array.isArray(values)) {
    const short = own(node, 'enumDescriptions');
    const long = own(node, 'markdownEnumDescriptions');
    return values.map((v, i) => ({
      value: String(v),
      ...(Array.isArray(short) && typeof short[i] === 'string' ? { short: short[i] as string } : {}),
      ...(Array.isArray(long) && typeof long[i] === 'string' ? { long: long[i] as string } : {}),
    }));
  }
  if (own(node, 'type') === 'boolean') return [{ value: 'true' }, { value: 'false' }];
  const constant = own(node, 'const');
  if (constant !== undefined) return [{ value: String(constant) }];
  return [];
}

function showDefault(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
}

/** The section of docs/format.md that describes the key at `path` (a heading's anchor). */
function formatSection(path: Path): string {
  const [section] = path;
  if (section === 'roles' && path.some((s) => s === 'person' || s === 'allocation' || s === 'note')) return 'assignments';
  return typeof section === 'string' && ['project', 'people', 'roles', 'partners', 'activities'].includes(section)
    ? section
    : 'top-level';
}

function formatLink(path: Path, docsBase: string): string {
  return `[The \`.crmteam.yaml\` format](${formatDocsHref({ docsBase }, formatSection(path))}) describes every key.`;
}

/** The schema's description of the key at `path`, with its default, allowed values and keys. */
export function schemaMarkdown(path: Path, docsBase: string): string | undefined {
  const node = schemaAt(path);
  if (!node) return undefined;
  const description = text(node, 'markdownDescription') ?? text(node, 'description');
  const blocks: string[] = [`### \`${pathLabel(path)}\``];
  if (description !== undefined) blocks.push(description);
  if (path.length > 0) {
    const parent = schemaAt(path.slice(0, -1));
    const required = own(parent, 'required') ?? own(own(parent, 'then'), 'required');
    const last = path[path.length - 1];
    if (typeof last === 'string') blocks.push(Array.isArray(required) && required.includes(last) ? '**Required.**' : 'Optional.');
  }
  const byDefault = showDefault(own(node, 'default'));
  if (byDefault !== undefined) blocks.push(`**Default:** ${byDefault}`);
  const values = allowedValues(path);
  if (values.length > 1) {
    blocks.push(`**Allowed values**\n${values.map((v) => `- \`${v.value}\`${v.short !== undefined ? `: ${v.short}` : ''}`).join('\n')}`);
  }
  const keys = allowedKeysAt(path);
  if (keys.length > 0) {
    const required = own(node, 'required') ?? own(own(node, 'then'), 'required');
    const isRequired = (k: string) => Array.isArray(required) && required.includes(k);
    blocks.push(`**Keys:** ${keys.map((k) => `\`${k}\`${isRequired(k) ? ' (required)' : ''}`).join(', ')}`);
  }
  const format = text(node, 'format');
  if (format !== undefined) blocks.push(`**Format:** ${format}`);
  const pattern = text(node, 'pattern');
  if (pattern !== undefined) blocks.push(`**Pattern:** \`${pattern}\``);
  return blocks.length > 1 ? [...blocks, formatLink(path, docsBase)].join('\n\n') : undefined;
}

/** The schema's one-line `description` of the key at `path`. */
export function shortDescription(path: Path): string | undefined {
  return text(schemaAt(path), 'description');
}

/** `roles.itOwner.allocation`, `roles.superUsers[1].person`, `roles.technicalStaff.uiDesign[0].note`… */
function isAssignmentField(path: Path): boolean {
  if (path[0] !== 'roles' || path.length < 3) return false;
  const field = path[path.length - 1];
  const parent = path.slice(1, -1);
  if (parent[0] === 'technicalStaff') return parent.length === 3 && typeof parent[2] === 'number' && typeof field === 'string';
  return (parent.length === 1 || (parent.length === 2 && typeof parent[1] === 'number')) && typeof field === 'string';
}

/** Guidance for the key at `path`: knowledge first, the schema otherwise. */
export function keyMarkdown(path: Path, docsBase: string): string | undefined {
  const [section, a, b] = path;
  const key = String(path[path.length - 1] ?? '');
  let known: string | undefined;
  if (section === 'roles' && path.length === 2) known = roleHoverMarkdown(String(a), docsBase);
  else if (section === 'roles' && a === 'technicalStaff' && path.length === 3) known = techFunctionHoverMarkdown(String(b), docsBase);
  else if (section === 'activities' && path.length === 2) known = activityHoverMarkdown(String(a), docsBase);
  else if (section === 'activities' && path.length === 3) {
    const g = ACTIVITY_FIELD_GUIDANCE.get(key);
    if (g && schemaAt(path)) known = fieldHoverMarkdown(g, pathLabel(path), docsBase);
  } else if (section === 'project' && path.length === 2) known = projectFieldHoverMarkdown(key, docsBase);
  else if (section === 'partners' && (path.length === 2 || path.length === 3)) {
    const g = PARTNER_FIELD_GUIDANCE.get(path.slice(1).join('.'));
    if (g) known = fieldHoverMarkdown(g, pathLabel(path), docsBase);
  } else if (isAssignmentField(path)) {
    const g = ASSIGNMENT_FIELD_GUIDANCE.get(key);
    if (g && schemaAt(path)) known = fieldHoverMarkdown(g, pathLabel(path), docsBase);
  }
  if (known === undefined) return schemaMarkdown(path, docsBase);
  const values = allowedValues(path);
  if (values.length > 1 && !known.includes('**Values**')) {
    return `${known}\n\n**Allowed values:** ${values.map((v) => `\`${v.value}\``).join(', ')}`;
  }
  return known;
}

/** Guidance for one value of an enum or boolean at `path`; undefined when the value is not one of them. */
export function valueMarkdown(path: Path, value: string, docsBase: string): string | undefined {
  const [section, a] = path;
  const key = String(path[path.length - 1] ?? '');
  if (section === 'project' && path.length === 2) {
    if (PROJECT_FIELD_GUIDANCE.get(key)?.values.has(value)) return projectFieldHoverMarkdown(key, docsBase, value);
  } else if (section === 'people' && path.length === 3 && key === 'department') {
    return departmentHoverMarkdown(value, docsBase);
  } else if (section === 'people' && path.length === 3 && key === 'affiliation') {
    return affiliationHoverMarkdown(value, docsBase);
  } else if (section === 'roles' && a === 'businessOwners' && key === 'function' && path.length === 4) {
    const department = departmentHoverMarkdown(value, docsBase);
    if (department === undefined) return undefined;
    const body = department.slice(department.indexOf('\n\n') + 2);
    return `### \`function: ${value}\`\n\nThis business owner speaks for the \`${value}\` department. About that department:\n\n${body}`;
  } else if (section === 'partners' && path.length === 3) {
    const g = PARTNER_FIELD_GUIDANCE.get(path.slice(1).join('.'));
    if (g?.values.has(value)) return fieldHoverMarkdown(g, pathLabel(path), docsBase, value);
  }
  const allowed = allowedValues(path).find((v) => v.value === value);
  if (!allowed || (allowed.long ?? allowed.short) === undefined) return undefined;
  return `### \`${key}: ${value}\`\n\n${allowed.long ?? allowed.short}\n\n_Part of \`${pathLabel(path)}\`._`;
}

/** For a key the schema does not know: where it is, and the keys allowed there. */
export function unknownKeyMarkdown(path: Path, docsBase: string): string | undefined {
  if (path.length === 0 || typeof path[path.length - 1] !== 'string') return undefined;
  const parent = path.slice(0, -1);
  const allowed = allowedKeysAt(parent);
  if (allowed.length === 0) return undefined;
  const where = parent.length === 0 ? 'at the top level' : `under \`${pathLabel(parent)}\``;
  const key = String(path[path.length - 1]).replace(/`/g, "'");
  return `### \`${key}\`: not a key of the format\n\nThe keys allowed ${where} are ${allowed.map((k) => `\`${k}\``).join(', ')}.\n\n${formatLink(parent, docsBase)}`;
}
