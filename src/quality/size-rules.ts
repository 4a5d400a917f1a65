import { LineageKind } from '../domain/registry.js';
import { memo, type RuleContext } from './context.js';
import { type ClaimFact, checkable, type Finding, finding, formatCount, QualityRule, reference } from './facts.js';
import { sizeInName } from './names.js';

/** A count this many times away from the size in the name is doubted (SparseOPT-175B, pruned to half, is not). */
export const NAME_SIZE_FACTOR = 3;
/** A fine-tune, adapter or quantization keeps its parent's weights: this many times away is a unit slip or a wrong parent. */
export const PARENT_SIZE_FACTOR = 20;

const SAME_SIZE_LINEAGE = new Set<string>([LineageKind.FINE_TUNE, LineageKind.ADAPTER, LineageKind.QUANTIZED]);

/** A parameter count far from the size the model's name gives (Llama 2-7B with 70B). */
export function sizeInNameRule(ctx: RuleContext): Finding[] {
  return ctx.models().flatMap((model) => {
    const named = sizeInName(model.name);
    if (named === null) return [];
    return checkable(model, 'parameters').flatMap((claim) => {
      const count = claim.value as number;
      const factor = count < named.low ? named.low / count : count / named.high;
      return factor >= NAME_SIZE_FACTOR
        ? [
            finding(
              claim,
              QualityRule.SIZE_IN_NAME,
              `${formatCount(count)} parameters, ${Math.round(factor)}× ${count < named.low ? 'below' : 'above'} the ${named.text} in the name "${model.name}".`,
            ),
          ]
        : [];
    });
  });
}

/** A fine-tune (adapter, quantization) whose count is far from every parent's: a unit slip (Swallow at 70M from Llama 2-70B). */
export function sizeVsParentRule(ctx: RuleContext): Finding[] {
  const parentsOf = new Map<string, string[]>();
  for (const edge of ctx.input.lineage)
    if (edge.kind !== null && SAME_SIZE_LINEAGE.has(edge.kind)) {
      const ids = parentsOf.get(edge.from);
      if (ids === undefined) parentsOf.set(edge.from, [edge.to]);
      else ids.push(edge.to);
    }
  // A base with thousands of derivatives is looked up once.
  const sized = memo((id: string) => ({
    id,
    name: ctx.byId.get(id)?.name ?? id,
    claim: reference(ctx.byId.get(id), 'parameters', ctx.doubted),
  }));
  return [...parentsOf].flatMap(([childId, parentIds]) => {
    const parents = parentIds.map(sized).filter((p): p is ReturnType<typeof sized> & { claim: ClaimFact } => p.claim !== undefined);
    const child = ctx.byId.get(childId);
    if (parents.length === 0 || child === undefined) return [];
    return checkable(child, 'parameters')
      .filter((claim) => !ctx.isDoubted(claim))
      .flatMap((claim) => {
        const ratios = parents.map((p) => ratio(claim.value as number, p.claim.value as number));
        if (ratios.some((r) => r < PARENT_SIZE_FACTOR)) return [];
        const parent = parents[0]!;
        return [
          finding(
            claim,
            QualityRule.SIZE_VS_PARENT,
            `${formatCount(claim.value as number)} parameters, ${Math.round(ratios[0]!)}× away from the ${formatCount(parent.claim.value as number)} of ${parent.name}, whose weights it is made from.`,
          ),
        ];
      });
  });
}

const ratio = (a: number, b: number): number => Math.max(a, b) / Math.min(a, b);
