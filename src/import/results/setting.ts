/**
 * A result's setting as the graph stores it (the registry's result properties): shots, the benchmark's
 * version or subset, how it was scored, the model version scored; from what the catalogue states
 * (ResultRecord.setting, by what each key is) and what the benchmark's name adds ("MMLU (5-shot)").
 */
import type { NamedSetting } from './benchmark-names.js';

export interface SettingProps {
  shots: number | null;
  benchmarkVersion: string | null;
  scorer: string | null;
  modelVersion: string | null;
}

const VERSION_KEYS = new Set(['version', 'subset', 'dataset']);
const SCORER_KEYS = new Set(['scorer', 'method', 'analysis method', 'agent', 'scaffold', 'tools', 'edit format', 'prompt']);
const MODEL_VERSION_KEYS = new Set(['model version', 'modelversion']);

const joined = (parts: string[], max: number): string | null => (parts.length === 0 ? null : [...new Set(parts)].join('; ').slice(0, max));

/** Shots a cell states ("25-shot", "5", "0-shot CoT"). */
const shotsIn = (text: string): number | undefined => {
  const match = /^\s*(\d+)\s*$/.exec(text) ?? /\b(\d+)[- ]?shots?\b/i.exec(text);
  return match ? Number(match[1]) : undefined;
};

export function settingProps(stated: Record<string, string> | undefined, named: NamedSetting): SettingProps {
  let shots = named.shots;
  const versions = named.version ? [named.version] : [];
  const scorers = named.scorer ? [named.scorer] : [];
  const models: string[] = [];
  for (const [rawKey, rawValue] of Object.entries(stated ?? {})) {
    const [key, value] = [rawKey.trim().toLowerCase(), rawValue.trim()];
    if (value === '') continue;
    if (key === 'shots') shots = shotsIn(value) ?? shots;
    else if (VERSION_KEYS.has(key)) versions.push(value);
    else if (MODEL_VERSION_KEYS.has(key)) models.push(value);
    else scorers.push(SCORER_KEYS.has(key) ? value : `${rawKey.trim()}: ${value}`);
  }
  // LLM Stats writes the shots into its method ("5-shot", "0-shot CoT").
  if (shots === undefined) shots = scorers.map(shotsIn).find((n) => n !== undefined);
  return {
    shots: shots !== undefined && shots <= 1000 ? shots : null,
    benchmarkVersion: joined(versions, 80),
    scorer: joined(scorers, 120),
    modelVersion: joined(models, 120),
  };
}
