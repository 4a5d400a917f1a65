import type { EntityType } from '../domain/registry.js';

/**
 * Values an entity holds, by attribute (as a node shows them: the preferred claims). Resolution weighs
 * releaseDate, parameters and country (a record may list several countries: "US,GB"); the importer
 * compares all of them with a catalogue's.
 */
export type ComparableValues = Record<string, string | number | boolean>;

/**
 * An entity as resolution sees it: an existing node (from the database or seed/), an entity an import
 * is about to create, or a catalogue record being resolved (without an id yet).
 */
export interface ResolvableEntity {
  id: string;
  kind: EntityType;
  name: string;
  aliases: string[];
  /** Who made it (DEVELOPED_BY, OFFERED_BY), by organization id; for an organization, what it is part of (PART_OF). */
  developers: string[];
  values: ComparableValues;
  /** Catalogue formats that cite it: two rows of one catalogue are two things (each row is one catalogue key). */
  formats: string[];
  /**
   * No source cites it: it was written by a load cut short before its citations (every writer cites
   * what it writes). Its name is then the key the interrupted import gave it.
   */
  uncited?: boolean;
}

/** A catalogue record about to be resolved: its catalogue and key (the row's name) stand for the id it does not have yet. */
export interface RecordSide extends Omit<ResolvableEntity, 'id' | 'formats'> {
  format: string;
}
