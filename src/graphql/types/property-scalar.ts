import { Float, Int, registerEnumType } from 'type-graphql';
import type { GraphQLScalar } from '../../domain/registry.js';

const registeredEnums = new Set<string>();

/** The GraphQL type of a registry property; enums are registered with type-graphql on first use. */
export function propertyScalar(scalar: GraphQLScalar): { type: () => unknown; list: boolean } {
  if (scalar === 'Float') return { type: () => Float, list: false };
  if (scalar === 'Int') return { type: () => Int, list: false };
  if (scalar === 'Boolean') return { type: () => Boolean, list: false };
  if (scalar === 'StringList') return { type: () => [String], list: true };
  if (scalar === 'String') return { type: () => String, list: false };
  if (!registeredEnums.has(scalar.name)) {
    registerEnumType(scalar.enum, { name: scalar.name, description: scalar.description });
    registeredEnums.add(scalar.name);
  }
  return { type: () => scalar.enum, list: false };
}
