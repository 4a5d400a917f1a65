/**
 * The rules that read a cell whole (CELL_FIELDS): Epoch's Approach verdict, the model's own name and
 * the fine-tuning compute. Each fact quotes the cell as it stands (trimmed).
 */
import { type AliasEntry, findMentions, type Matcher } from './aliases.js';
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
  const entry = table.find(
    (e) => e.kind === 'TECHNIQUE' && e.names.some((n) => [verdict, `${verdict} learning`].includes(n.toLowerCase())),
  );
  return entry === undefined ? [] : [{ to: entry.id, quote: cell.trim(), rule: RULES.approachCell }];
}

/** Techniques the name holds as a word of it, joined by hyphens or signs as names are ("AWD-LSTM", "LSTM+NeuralCache"). */
function name(cell: string, matchers: Matcher[]): CellFact[] {
  return findMentions(cell, matchers, { compounds: true })
    .filter((m) => m.kind === 'TECHNIQUE')
    .map((m) => ({ to: m.id, quote: cell.trim(), rule: RULES.nameCell }));
}

/** A fine-tuning compute figure says the model was fine-tuned. */
function finetune(cell: string, table: AliasEntry[]): CellFact[] {
  return cell.trim() !== '' && table.some((e) => e.id === FINE_TUNING)
    ? [{ to: FINE_TUNING, quote: cell.trim(), rule: RULES.finetuneCell }]
    : [];
}

/** The facts of a cell read whole, or null when its field is read as sentences. */
export function cellFacts(field: string, cell: string, table: AliasEntry[], matchers: Matcher[]): CellFact[] | null {
  if (field === CELL_FIELDS.approach) return approach(cell, table);
  if (field === CELL_FIELDS.name) return name(cell, matchers);
  if (field === CELL_FIELDS.finetune) return finetune(cell, table);
  return null;
}
