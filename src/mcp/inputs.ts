import { z } from 'zod';
import { ENTITY_TYPES, RELATION_TYPES } from '../domain/registry.js';

// Argument schemas the tools share. Bounds are checked by the API itself (src/domain/limits.ts), which
// names the argument and the bound in its refusal; these say what each argument is.

export const entityId = (what: string) =>
  z
    .string({ error: `${what} must be an entity id such as "gpt-4" (the search tool finds ids by name).` })
    .min(1, { error: `${what} must not be empty.` })
    .max(200, { error: `${what} is too long to be an id.` })
    .describe(`${what}: an entity id such as "gpt-4" (search finds ids by name).`);

export const count = (what: string) =>
  z.number({ error: `${what} must be a whole number.` }).int({ error: `${what} must be a whole number.` });

export const entityTypes = z
  .array(z.enum(ENTITY_TYPES, { error: `types must list entity types (${ENTITY_TYPES.join(', ')}).` }))
  .optional()
  .describe('Only entities of these types.');

export const relationTypes = z
  .array(z.enum(RELATION_TYPES, { error: `types must list relationship types (${RELATION_TYPES.join(', ')}).` }))
  .optional()
  .describe('Only relationships of these types.');

export const modelIds = z
  .array(entityId('modelIds[]'), { error: 'modelIds must be a list of model ids such as ["gpt-4", "llama-2"].' })
  .describe('Model ids, two to ten (search finds ids by name).');
