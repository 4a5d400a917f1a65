import { isAbstractType, type GraphQLSchema } from 'graphql';
import { createSchema } from './schema.js';

/**
 * Apollo Client's `possibleTypes`: each interface or union and the object types that implement it.
 * Without it a fragment on an interface (`... on Entity`) cannot be matched by the cache and its
 * fields silently go missing. Committed as schema/possible-types.json next to the SDL.
 */
export function possibleTypesOf(schema: GraphQLSchema): Record<string, string[]> {
  const abstract = Object.values(schema.getTypeMap())
    .filter((type) => isAbstractType(type) && !type.name.startsWith('__'))
    .sort((a, b) => a.name.localeCompare(b.name));
  return Object.fromEntries(
    abstract.map((type) => [
      type.name,
      schema
        .getPossibleTypes(type as Parameters<GraphQLSchema['getPossibleTypes']>[0])
        .map((t) => t.name)
        .sort(),
    ]),
  );
}

/** The text committed as schema/possible-types.json. */
export async function printPossibleTypes(): Promise<string> {
  return `${JSON.stringify(possibleTypesOf(await createSchema()), null, 2)}\n`;
}
