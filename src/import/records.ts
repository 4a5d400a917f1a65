/**
 * What every catalogue parser yields: normalised records with a stable row key, and typed problems.
 * Kinds, relationship types and lineage kinds are the registry's (src/domain/registry.ts): an Ecosystem
 * Graphs application is a PRODUCT, a training dataset a DATASET.
 */
import type { EntityType, LineageKind, ProductKind, RelationType } from '../domain/registry.js';

/**
 * How a record depends on another, as far as the catalogue says: `type` is the relationship it
 * states (DERIVED_FROM, with the lineage kind it states or VARIANT, "derived, manner not stated";
 * TRAINED_ON for a training dataset), or none when it leaves the dependency untyped (Ecosystem
 * Graphs): then the registry's dependency relationship between the kinds at both ends decides.
 */
export interface Dependency {
  name: string;
  /** Other names the cell gives it ("BookCorpus (BooksCorpus, Toronto Book Corpus)"). */
  aliases: string[];
  type?: RelationType;
  lineage?: LineageKind;
  /** Why it is typed so, for the relationship's note. */
  basis: string;
}

/** A catalogue's own words about a value (Epoch's notes columns, Ecosystem Graphs' explanations). */
export interface Quote {
  attribute: string;
  text: string;
}

/** Values a catalogue states, by the names of the kind's claimable attributes in the registry (releaseDate, parameters, openWeights, country…). */
export type RecordAttributes = Record<string, string | number | boolean>;

export interface CatalogueRecord {
  /** Stable within one snapshot: "row 12" (CSV record number, header = 0), "assets/ai2.yaml#3", "line 7". */
  rowKey: string;
  kind: EntityType;
  name: string;
  /** Other names the catalogue gives the same thing (e.g. a Hugging Face repo id). */
  aliases: string[];
  organizations: string[];
  attributes: RecordAttributes;
  license?: string;
  url?: string;
  /** What a PRODUCT is used as (the registry requires it): see productKindOf in formats/ecosystem-graphs.ts. */
  productKind?: ProductKind;
  /** The family (series) the catalogue puts the model in, stated by it (a family field), if any. */
  family?: string;
  /** Free-form facts kept for the report and later filters (Epoch's Domain, Hugging Face's pipeline_tag). */
  tags: string[];
  dependencies: Dependency[];
  quotes: Quote[];
  /**
   * The catalogue's own words, by field (Epoch's name, Abstract, Approach, Finetune compute and notes
   * columns, as they stand): what the technique pass (techniques/) reads; its quotes are slices of one field.
   */
  texts: Record<string, string>;
  /** Benchmark results the catalogue states for this record's model, as it states them (the results pass writes them). */
  results?: ResultRecord[];
}

/**
 * One benchmark result as a catalogue states it: for models.dev's [[benchmarks]], the Benchmarking Hub's
 * runs and published results, LLM Stats' qualitative_metrics. The results pass resolves the benchmark
 * ("MMLU", "mmlu", "MMLU (5-shot)" are one benchmark) and normalises the score; nothing here is inferred.
 */
export interface ResultRecord {
  /** The benchmark as the catalogue names it (a name, a dataset field, a file name). */
  benchmark: string;
  /** The score exactly as stated: "77.0%", 0.77, 1350. */
  score: string | number;
  /** The metric the catalogue names ("EM", "% Resolved", "pass@1"), if any. */
  metric?: string;
  /** What makes two scores comparable, as stated: shots, version, scorer, subset, analysis method. */
  setting?: Record<string, string>;
  /** ISO date the result was recorded or published, as precise as stated. */
  date?: string;
  /** true: the model's developer reports it; false: measured by someone else; absent: the catalogue does not say. */
  selfReported?: boolean;
  /** Who measured or published it (Epoch AI, the developer, a paper, a leaderboard). */
  publisher?: string;
  /** Where the result is published; the full evaluation log, where there is one. */
  sourceUrl?: string;
  logUrl?: string;
  /** The field or column the score came from, for the citation's locator. */
  field?: string;
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
  /** The format's name in the format table (formats.ts). */
  format: string;
  rowsRead: number;
  records: CatalogueRecord[];
  /** Rows left out, each with its reason; the other rows continue. */
  skipped: Problem[];
  /** Problems that do not cost a row (an unknown column is ignored, reported once). */
  warnings: Problem[];
  /** What the catalogue says of the organizations its rows name (Epoch's countries), one ORGANIZATION record each. */
  organizations?: CatalogueRecord[];
}

export const emptyRecord = (rowKey: string, kind: EntityType, name: string): CatalogueRecord => ({
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
