/**
 * What every catalogue parser yields: normalised records with a stable row key, and typed problems.
 * Kinds and lineage kinds are the registry's (src/domain/registry.ts): an Ecosystem Graphs application
 * is a PRODUCT.
 */
import { LineageKind, type ProductKind } from '../domain/registry.js';

export const FORMATS = ['epoch-csv', 'ecosystem-graphs', 'hf-model-tree'] as const;
export type Format = (typeof FORMATS)[number];

/** What a catalogue row describes. Organizations come from the rows' organization cells. */
export type RecordKind = 'MODEL' | 'DATASET' | 'PRODUCT';

/** Lineage kinds a catalogue states itself (Hugging Face's base_model_relation, Epoch's finetune compute). */
export const STATED_LINEAGE = [LineageKind.FINE_TUNE, LineageKind.ADAPTER, LineageKind.QUANTIZED, LineageKind.MERGE] as const;
export type StatedLineage = (typeof STATED_LINEAGE)[number];
export const isStatedLineage = (relation: DependencyRelation): relation is StatedLineage =>
  (STATED_LINEAGE as readonly string[]).includes(relation);

/**
 * How a record depends on another, as far as the catalogue says:
 * a StatedLineage is a lineage kind stated by the catalogue;
 * BASE is "derived from, manner not stated" (Epoch's Base model without finetune compute);
 * TRAINED_ON names a training dataset; UNTYPED (Ecosystem Graphs) is typed later by the kinds at both ends.
 */
export type DependencyRelation = StatedLineage | 'BASE' | 'TRAINED_ON' | 'UNTYPED';

export interface Dependency {
  name: string;
  relation: DependencyRelation;
}

/** A catalogue's own words about a value (Epoch's notes columns, Ecosystem Graphs' explanations). */
export interface Quote {
  attribute: string;
  text: string;
}

/** Model attributes a catalogue can state; the names match the seed's claim attributes. */
export interface RecordAttributes {
  releaseDate?: string;
  parameters?: number;
  openWeights?: boolean;
}

export interface CatalogueRecord {
  /** Stable within one snapshot: "row 12" (CSV record number, header = 0), "assets/ai2.yaml#3", "line 7". */
  rowKey: string;
  kind: RecordKind;
  name: string;
  /** Other names the catalogue gives the same thing (e.g. a Hugging Face repo id). */
  aliases: string[];
  organizations: string[];
  attributes: RecordAttributes;
  license?: string;
  url?: string;
  /** What a PRODUCT is used as (the registry requires it): see productKindOf in formats/ecosystem-graphs.ts. */
  productKind?: ProductKind;
  /** Free-form facts kept for the report and later filters (Epoch's Domain, Hugging Face's pipeline_tag). */
  tags: string[];
  dependencies: Dependency[];
  quotes: Quote[];
  /**
   * The catalogue's own words, by field (Epoch's name, Abstract, Approach, Finetune compute and notes
   * columns, as they stand): what the technique pass (techniques/) reads; its quotes are slices of one field.
   */
  texts: Record<string, string>;
}

export type ProblemKind = 'bad-date' | 'unit-error' | 'unknown-column' | 'missing-field' | 'bad-value' | 'malformed';

export interface Problem {
  /** The row (or "header", or a file) the problem is about. */
  rowKey: string;
  kind: ProblemKind;
  /** One sentence naming the value and why it was refused. */
  reason: string;
}

export interface ParseResult {
  format: Format;
  rowsRead: number;
  records: CatalogueRecord[];
  /** Rows left out, each with its reason; the other rows continue. */
  skipped: Problem[];
  /** Problems that do not cost a row (an unknown column is ignored, reported once). */
  warnings: Problem[];
}

export const emptyRecord = (rowKey: string, kind: RecordKind, name: string): CatalogueRecord => ({
  rowKey,
  kind,
  name,
  aliases: [],
  organizations: [],
  attributes: {},
  tags: [],
  dependencies: [],
  quotes: [],
  texts: {},
});

/** Thrown for a row that must be skipped; the parser turns it into a Problem and goes on. */
export class RowProblem extends Error {
  constructor(
    readonly kind: ProblemKind,
    reason: string,
  ) {
    super(reason);
  }
}
