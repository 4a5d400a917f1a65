/**
 * The rules that read a cell whole (CELL_FIELDS): Epoch's Approach verdict, the model's own name and
 * the fine-tuning compute. Each fact quotes the cell as it stands (trimmed).
 */
import { type AliasEntry, type CompiledAliases, findMentions } from './aliases.js';
import { CELL_FIELDS, type Rule, type RuleId, RULES } from './rules.js';

export interface CellFact {
  to: string;
  quote: string;
  rule: Rule & { id: RuleId };
}

const FINE_TUNING = 'fine-tuning';

/** The technique a cell names whole: "Self-supervised learning", "Supervised" (learning), "Supervised fine-tuning". */
function approach(cell: string, table: AliasEntry[]): CellFact[] {
  const verdict = cell.trim().toLowerCase();
  const entry = table.find((e) => e.names.some((n) => [verdict, `${verdict} learning`].includes(n.toLowerCase())));
  return entry === undefined ? [] : [{ to: entry.id, quote: cell.trim(), rule: RULES.approachCell }];
}

/** Techniques the name holds as a word of it, joined by hyphens or signs as names are ("AWD-LSTM", "LSTM+NeuralCache"). */
function name(cell: string, aliases: CompiledAliases): CellFact[] {
  return findMentions(cell, aliases, { compounds: true }).map((m) => ({ to: m.id, quote: cell.trim(), rule: RULES.nameCell }));
}

/** A positive fine-tuning compute says the model was fine-tuned (FunSearch's "0.0" says it was not). */
function finetune(cell: string, table: AliasEntry[]): CellFact[] {
  const flop = Number(cell.trim());
  return Number.isFinite(flop) && flop > 0 && table.some((e) => e.id === FINE_TUNING)
    ? [{ to: FINE_TUNING, quote: cell.trim(), rule: RULES.finetuneCell }]
    : [];
}

/** The facts of a cell read whole, or null when its field is read as sentences. */
export function cellFacts(field: string, cell: string, table: AliasEntry[], aliases: CompiledAliases): CellFact[] | null {
  if (field === CELL_FIELDS.approach) return approach(cell, table);
  if (field === CELL_FIELDS.name) return name(cell, aliases);
  if (field === CELL_FIELDS.finetune) return finetune(cell, table);
  return null;
}
