/**
 * The Benchmarking Hub's published-results files (external_benchmark_<name>.csv): which column holds each
 * file's headline score, of which benchmark, and which columns say how it was run. Columns differ per
 * file; a file not listed here is read by its common columns (Score, Shots) and reported.
 */

export interface ScoreColumn {
  column: string;
  /** The benchmark as the Hub names it, where the file holds several (else the file's own name). */
  benchmark?: string;
  /** The version or subset of the benchmark the column scores. */
  version?: string;
  /** The column holding the score's standard error. */
  stderr?: string;
}

export interface ExternalFile {
  scores: ScoreColumn[];
  /** Columns saying how it was run (agent, scaffold, edit format, tools, prompt). */
  scorer?: string[];
  /** The column holding the benchmark's version. */
  version?: string;
  /** The column holding the result's date (day/month/year). */
  date?: string;
}

const one = (column: string, extra: Omit<ExternalFile, 'scores'> = {}, stderr?: string): ExternalFile => ({
  scores: [{ column, ...(stderr && { stderr }) }],
  ...extra,
});

export const EXTERNAL_FILES: Record<string, ExternalFile> = {
  aider_polyglot: one('Percent correct', { scorer: ['Edit format'] }),
  anli: one('Score'),
  arc_agi: one('Score'),
  arc_ai2: {
    scores: [
      { column: 'Challenge score', benchmark: 'ARC (Challenge)' },
      { column: 'Easy score', benchmark: 'ARC (Easy)' },
    ],
  },
  balrog: one('Average progress', { date: 'Date added' }, 'Average Standard error'),
  bbh: one('Average'),
  boolq: one('Score'),
  cadeval: one('Overall pass (%)', { scorer: ['Prompt'] }),
  csqa2: one('Score'),
  cybench: one('Unguided % Solved'),
  deepresearch: one('Average score', { scorer: ['Agent'] }),
  factorio_learning_environment: one('Lab Success %', { scorer: ['Tools'], date: 'Date added' }),
  fictionlivebench: { scores: [{ column: '120k token score', version: '120k tokens' }] },
  geobench: one('ACW Country %', { scorer: ['Tools'] }),
  gsm8k: one('EM'),
  gso_bench: one('Score OPT@1', { scorer: ['Scaffold'] }),
  hellaswag: one('Overall accuracy'),
  lambada: one('Score'),
  lech_mazur_writing: one('Mean score'),
  livebench: one('Global average', { version: 'LiveBench Version' }),
  mcbench: one('ELO'),
  metr: one('Time horizon'),
  mmlu: one('EM'),
  openbookqa: one('Accuracy'),
  os_world: one('Score', { scorer: ['Agent'], date: 'Date added' }),
  osuniverse: one('Weighted Score', { scorer: ['Agent'] }),
  piqa: one('Score'),
  scienceqa: one('Score'),
  simple_bench: one('Score (AVG@5)'),
  superglue: one('Score'),
  terminal_bench: one('Accuracy mean', { scorer: ['Agent'] }, 'Accuracy SE'),
  the_agent_company: one('% Resolved', { scorer: ['Model'], date: 'Date' }),
  triviaqa: one('EM'),
  videomme: {
    scores: [
      { column: 'Overall (no subtitles)', version: 'no subtitles' },
      { column: 'Overall (with subtitles)', version: 'with subtitles' },
    ],
  },
  vpct: one('Correct'),
  weirdml: one('Accuracy'),
  winogrande: one('Accuracy'),
};

/** A file the table does not know: its score is in a Score column, if it has one. */
export const FALLBACK_FILE: ExternalFile = one('Score');
