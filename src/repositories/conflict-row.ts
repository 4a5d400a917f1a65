/** What `conflicts` lists: attributes whose claims disagree, and benchmark results that disagree (result-conflicts.ts). */
/** One value of a contested attribute, with the sources that claim it; `preferred` is the value the node shows. */
export interface ConflictValue {
  value: string;
  confidence: number;
  preferred: boolean;
  /** The best rank any claim of the value has. */
  rank: string;
  /** Every claim of the value is hedged by its source. */
  hedged: boolean;
  /** Plausibility rules the value fails (once per rule). */
  flags: Array<{ rule: string; reason: string }>;
  sources: Array<{ id: string; title: string | null; url: string | null; file: string | null }>;
  /** For a disagreement between benchmark results: the keys of the results holding the value. */
  resultKeys: string[];
}
export interface ConflictRow {
  entityId: string;
  entityName: string;
  entityType: string;
  attribute: string;
  /** How far apart the most distant values are at their stated precision (0: they differ only in precision). */
  severity: number;
  values: ConflictValue[];
}
