import neo4j from 'neo4j-driver';

/**
 * Converts driver values (Integers, temporal values, nodes, relationships, maps and lists) into
 * plain JavaScript, so nothing above the repositories sees driver types.
 */
export function toNative(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (Array.isArray(value)) return value.map(toNative);
  if (typeof value !== 'object') return value;
  if (neo4j.isDate(value as never) || neo4j.isDateTime(value as never) || neo4j.isLocalDateTime(value as never)) {
    return String(value);
  }
  if (isGraphEntity(value)) return toNative(value.properties);
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) out[key] = toNative(inner);
  return out;
}

function isGraphEntity(value: object): value is { properties: Record<string, unknown> } {
  return 'properties' in value && ('labels' in value || 'type' in value) && 'elementId' in value;
}
