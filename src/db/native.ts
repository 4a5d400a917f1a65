import neo4j from 'neo4j-driver';

/**
 * Converts driver values (Integers, temporal values, nodes, relationships, maps and lists) into
 * plain JavaScript, so nothing above the repositories sees driver types. Lists and maps are
 * converted in place: the driver decodes fresh ones for every record, and copying them took most of
 * the tenth of the service's CPU this function used on large nested results.
 */
export function toNative(value: unknown): unknown {
  if (typeof value !== 'object') return value === undefined ? null : value;
  if (value === null) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) value[i] = toNative(value[i]);
    return value;
  }
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const map = value as Record<string, unknown>;
    for (const key in map) map[key] = toNative(map[key]);
    return map;
  }
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (neo4j.isDate(value as never) || neo4j.isDateTime(value as never) || neo4j.isLocalDateTime(value as never)) {
    return String(value);
  }
  if (isGraphEntity(value)) return toNative({ ...value.properties });
  return value;
}

function isGraphEntity(value: object): value is { properties: Record<string, unknown> } {
  return 'properties' in value && ('labels' in value || 'type' in value) && 'elementId' in value;
}
