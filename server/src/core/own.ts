// Own-property reads for data that comes from users (YAML, JSON settings, the schema): a key may be `__proto__`,
// `constructor` or `toString`, so only own properties are ever read.

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property's value: never one inherited from `Object.prototype` (keys come from user input). */
export function own(obj: unknown, key: string): unknown {
  if (typeof obj !== 'object' || obj === null) return undefined;
  const descriptor = Object.getOwnPropertyDescriptor(obj, key);
  return descriptor && 'value' in descriptor ? descriptor.value : undefined;
}

export function hasOwn(obj: unknown, key: string): boolean {
  return typeof obj === 'object' && obj !== null && Object.prototype.hasOwnProperty.call(obj, key);
}
