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
  /** The row of the same snapshot it names (models.dev's base_model): that row's entity, whatever its name resolves to. */
  rowKey?: string;
  /** What the row says of the thing it names (an offering's release date): a target whose values disagree by years is not it. */
  values?: { releaseDate?: string };
}

/** A catalogue's own words about a value (Epoch's notes columns, Ecosystem Graphs' explanations). */
export interface Quote {
  attribute: string;
  text: string;
}

/** One value a catalogue states: a date or name, a count, a flag, or a list (modalities, links). */
export type AttributeValue = string | number | boolean | string[];
/** Values a catalogue states, by the names of the kind's claimable attributes in the registry (releaseDate, parameters, openWeights, country…). */
export type RecordAttributes = Record<string, AttributeValue>;

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
  /**
   * Names that identify this very model wherever they appear (a provider's API id "claude-3-7-sonnet-20250219",
   * a Hugging Face repo id "mistralai/Mistral-7B-v0.3"): strong evidence for the resolution stage, kept as aliases.
   */
  identifiers?: string[];
  /** The record's name is a row key of another catalogue (the Benchmarking Hub's `Model` column names a row of Epoch's model table). */
  keyIn?: { format: string; name: string };
  /**
   * The row only names its model (a leaderboard's name cell) without describing it: it is resolved as a
   * dependency is, through a name of one entity, and never creates one; a name that finds none is reported.
   */
  reference?: boolean;
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
  /**
   * What makes two scores comparable, as stated, by what it is: `shots`; `version`, `subset` or `dataset` (of
   * the benchmark); `scorer`, `method`, `agent`, `scaffold` or `tools` (how it was run); `model version` (the
   * version or configuration of the model scored). Other keys are kept with the scorer as "key: value".
   */
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
  /** The row the result stands in, where it is not its record's own (the Benchmarking Hub's runs and result files). */
  rowKey?: string;
  /** The standard error the catalogue gives with the score, in the score's own unit ("0.02" beside "0.85"). */
  stderr?: string | number;
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
  /** The date of the data (ISO): the newest date the snapshot states, or the date a dated copy is named by; not the day it was copied. */
  snapshotDate?: string;
  /**
   * Row keys name the same thing in every snapshot (models.dev's file paths, not Epoch's row numbers):
   * a newer snapshot's row finds the entity an older one's row with that key became (refresh.ts).
   */
  stableKeys?: boolean;
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

/**
 * A snapshot's date where the catalogue does not state one: the newest date its records state (a release,
 * a result), so its Source says what the data is as of, not the day it was copied.
 */
export function newestStatedDate(records: CatalogueRecord[]): { snapshotDate?: string } {
  let newest: string | undefined;
  for (const record of records) {
    const dates = [record.attributes.releaseDate, ...(record.results ?? []).map((r) => r.date)];
    for (const date of dates) if (typeof date === 'string' && (newest === undefined || date > newest)) newest = date;
  }
  return newest === undefined ? {} : { snapshotDate: newest };
}
