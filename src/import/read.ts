import { readEcosystemGraphs } from './formats/ecosystem-graphs.js';
import { readEpochCsv } from './formats/epoch-csv.js';
import { readHfModelTree } from './formats/hf-model-tree.js';
import type { Format, ParseResult } from './records.js';

/** Reads a catalogue snapshot in one of the supported formats. */
export const READERS: Record<Format, (path: string) => ParseResult> = {
  'epoch-csv': readEpochCsv,
  'ecosystem-graphs': readEcosystemGraphs,
  'hf-model-tree': readHfModelTree,
};
