/**
 * The results pass (the planner's last): every result a catalogue states on a record it placed becomes a
 * SCORED_ON statement from the record's model to the benchmark its name names (a benchmark the graph lacks
 * is created under the catalogue's name), with the score as stated and normalised, the setting, the date,
 * who measured it, whether it is self-reported (stated, or inferred by a rule the note names), the source
 * link and the row as its citation. Results of records the import could not place, and scores that are no
 * number, are reported, never invented.
 */
import { createHash } from 'node:crypto';
import { type BenchmarkScale, EntityType, RelationType, statementPropertiesOf } from '../../domain/registry.js';
import type { PlanContext } from '../plan-context.js';
import type { CatalogueRecord, ResultRecord } from '../records.js';
import { spelledName } from './benchmark-names.js';
import { BenchmarkTable, curatedScales } from './benchmark-table.js';
import { normaliseScore, normaliseStderr } from './normalise.js';
import { inferSelfReported } from './self-reported.js';
import { settingProps } from './setting.js';

const RESULT_PROPERTIES = new Map(statementPropertiesOf(RelationType.SCORED_ON));

/**
 * A result's key: stable across imports of one snapshot, unique among the results of its model and
 * benchmark. The score is part of it: a newer snapshot whose row (same key, as models.dev's paths are)
 * states another score adds a result beside the older one instead of overwriting it.
 */
const resultKey = (format: string, rowKey: string, field: string, score: string): string =>
  createHash('sha1').update(`${format}|${rowKey}|${field}|${score}`).digest('hex').slice(0, 16);

export function planResults(context: PlanContext, scales: Map<string, BenchmarkScale> = curatedScales()): void {
  const table = new BenchmarkTable(context.existing.filter((e) => e.kind === EntityType.BENCHMARK));
  const placed = new Map(context.resolved.map((r) => [r.record, r]));
  for (const record of context.parsed.records) {
    const resolved = placed.get(record);
    for (const [index, result] of (record.results ?? []).entries()) {
      const rowKey = result.rowKey ?? record.rowKey;
      if (resolved === undefined || resolved.kind !== EntityType.MODEL) {
        context.plan.resultsNotPlaced.push({
          rowKey,
          benchmark: result.benchmark,
          reason: `its model "${record.name}" was not placed (see the ambiguous and unresolved names)`,
        });
        continue;
      }
      const modelId = versionModel(context, result) ?? resolved.id;
      const developers = modelId === resolved.id ? resolved.developers : [];
      planResult(context, { table, scales }, { record, modelId, developers }, result, index);
    }
  }
}

/**
 * The model a result's model version names, when it names exactly one model by itself (with or without a
 * configuration suffix: "o3-2025-04-16_high"): a catalogue filing a variant under its base model (the Hub's
 * "Qwen-14B-Chat" under Qwen-14B) places the variant's results on the variant the graph holds.
 */
function versionModel(context: PlanContext, result: ResultRecord): string | undefined {
  const version = Object.entries(result.setting ?? {})
    .find(([key]) => /^model ?version$/i.test(key.trim()))?.[1]
    ?.trim();
  if (!version) return undefined;
  const bare = version.replace(/_[^_/]+$/, '');
  const found = context.resolver.resolveReference(version, bare === version ? [] : [bare], [EntityType.MODEL]);
  return found.status === 'matched' || found.status === 'new' ? found.id : undefined;
}

interface Benchmarks {
  table: BenchmarkTable;
  scales: Map<string, BenchmarkScale>;
}

/** The benchmark a result names: found in the table, or created under the catalogue's name (and filed for the next rows). */
function benchmarkOf(context: PlanContext, benchmarks: Benchmarks, name: string, rowKey: string) {
  const found = benchmarks.table.find(name);
  if (found !== undefined) {
    if (!context.resolver.newEntities.has(found.id)) context.mention(found.id, rowKey);
    return found;
  }
  const spelled = spelledName(name);
  const aliases = spelled === name.trim() ? [] : [name.trim()];
  const created = context.resolver.create({ kind: EntityType.BENCHMARK, name: spelled, aliases, developers: [], values: {}, rowKey });
  if (created.status !== 'new' && created.status !== 'matched') return undefined;
  benchmarks.table.add(created.id, [spelled, ...aliases]);
  return { id: created.id, setting: {} };
}

function planResult(
  context: PlanContext,
  benchmarks: Benchmarks,
  model: { record: CatalogueRecord; modelId: string; developers: string[] },
  result: ResultRecord,
  index: number,
): void {
  const rowKey = result.rowKey ?? model.record.rowKey;
  const field = result.field ?? `result ${index + 1}`;
  const notPlaced = (reason: string) => context.plan.resultsNotPlaced.push({ rowKey, benchmark: result.benchmark, reason });
  const benchmark = benchmarkOf(context, benchmarks, result.benchmark, rowKey);
  if (benchmark === undefined) return void notPlaced(`the benchmark "${result.benchmark}" could not be placed`);
  const scale = benchmarks.scales.get(benchmark.id) ?? null;
  const normalised = normaliseScore(result.score, scale, [result.metric, result.field]);
  if ('problem' in normalised) return void notPlaced(normalised.problem);
  const developers = [...new Set([...model.developers, ...context.resolver.developersOf(model.modelId)])].map(
    (id) => context.resolver.nameOf(id) ?? id,
  );
  const inferred = result.selfReported === undefined ? inferSelfReported(result.sourceUrl, developers) : undefined;
  const props: Record<string, unknown> = {
    score: String(result.score).trim(),
    value: normalised.value,
    metric: result.metric ?? null,
    ...settingProps(result.setting, benchmark.setting),
    date: result.date ?? null,
    selfReported: result.selfReported ?? inferred!.selfReported,
    measuredBy: result.publisher ?? null,
    url: result.sourceUrl ?? null,
    logUrl: result.logUrl ?? null,
    stderr: normaliseStderr(result.stderr, normalised.factor) ?? null,
  };
  // A value outside the registry's rule is left out (a required one costs the result), never written.
  for (const [name, value] of Object.entries(props)) {
    const spec = RESULT_PROPERTIES.get(name)!;
    if (value === null || spec.value.safeParse(value).success) continue;
    if (spec.required) return void notPlaced(`${name} ${String(value)} is outside the graph’s rule for it`);
    context.plan.warnings.push({
      rowKey,
      kind: 'bad-value',
      reason: `${name} "${String(value)}" of a ${result.benchmark} result is left out.`,
    });
    props[name] = null;
  }
  context.plan.results.push({
    from: model.modelId,
    to: benchmark.id,
    key: resultKey(context.parsed.format, rowKey, field, String(result.score).trim()),
    rowKey,
    field,
    quote: String(result.score).trim(),
    props,
    ...(inferred && { basis: `self-reported ${inferred.basis}` }),
  });
}
