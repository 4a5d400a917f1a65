/**
 * Words that decide whether a sentence states that its model uses a technique (seed/README.md's
 * rubric): cues that make a sentence no fact at all, the words that stand for the model, and the
 * verbs that tie it to a technique.
 */

/**
 * A sentence with one of these says something other than "this model was built with T": a
 * comparison, a negation, related or future work, an evaluation, a capability, a hedge, a finding.
 * Negations, hedges and future work count anywhere in the sentence ("X uses MoE, reportedly"); the
 * others only up to the end of the technique's clause, since a trailing clause is another statement
 * ("X is trained on synthetic data, significantly outperforming models twice its size"); a capability
 * only before the technique ("capabilities, this includes RAG", not "stages to harness its capabilities").
 */
type Scope = 'sentence' | 'clause' | 'before';
export const NOT_A_FACT: Array<{ reason: string; scope: Scope; pattern: RegExp }> = [
  {
    reason: 'negation',
    scope: 'sentence',
    pattern: /\b(?:not|no|without|neither|nor|never|instead of|rather than|except|lacks?|absence|non)\b|n['’]t\b/i,
  },
  {
    reason: 'future or hypothetical',
    scope: 'sentence',
    pattern:
      /\b(?:future|may|might|could|would|should|will|plan\w*|aim\w*|hope\w*|promis\w*|potential(?:ly)?|if|whether|hypothes\w*|question\w*|explor\w*|towards?)\b/i,
  },
  {
    reason: 'hedge',
    scope: 'sentence',
    pattern:
      /\b(?:likely|probably|perhaps|possibly|presumably|unclear|unknown|uncertain|believe\w*|claim\w*|reportedly|reports? that|reported|according to|rumou?r\w*|speculat\w*|conjectur\w*|assum\w*|guess\w*|estimat\w*|suggest\w*|seems?|appears?|apparently|maybe|allegedly|TODO)\b|\?/i,
  },
  {
    reason: 'comparison',
    scope: 'clause',
    pattern:
      /\b(?:unlike|in contrast|contrary|compar\w*|versus|vs\.?|than|outperform\w*|surpass\w*|exceed\w*|beat|beats|similar(?:ly)?|alike|like|such as|equivalent|counterparts?|alternatives?|replace\w*|baselines?|whereas|although|despite|superior|inferior)\b/i,
  },
  {
    reason: 'related work',
    scope: 'clause',
    pattern:
      /\b(?:previous(?:ly)?|prior|existing|conventional|traditional|typical(?:ly)?|recent(?:ly)?|other|others|popular|widely|common(?:ly)?|many|most|literature|state[- ]of[- ]the[- ]art|been shown)\b/i,
  },
  {
    reason: 'evaluation or study',
    scope: 'clause',
    pattern:
      /\b(?:evaluat\w*|benchmark\w*|ablat\w*|stud(?:y|ies|ied|ying)|investigat\w*|analy[sz]\w*|examin\w*|experiment\w*|measur\w*|test\w*|assess\w*|probe|probing|understand\w*|effects?|impact|survey\w*)\b/i,
  },
  {
    reason: 'capability',
    scope: 'before',
    pattern: /\b(?:can|cannot|supports?|supported|supporting|available|enabl\w*|allows?|capable|capabilit\w*|abilit\w*|able to)\b/i,
  },
  {
    reason: 'finding',
    scope: 'clause',
    pattern:
      /\b(?:show|shows|showed|shown|find|finds|found|demonstrat\w*|observ\w*|prove|proves|proved|proven|conclud\w*|argu\w*|reveal\w*|indicat\w*|verify|verifies|verified|confirm\w*)\b/i,
  },
];

/** Where the clause holding `offset` ends: the next comma, semicolon, colon or dash, or the sentence's end. */
export function clauseEnd(sentence: string, offset: number): number {
  const rest = sentence.slice(offset).search(/[,;:]\s|\s[–—-]\s/);
  return rest < 0 ? sentence.length : offset + rest;
}

/** Why the sentence states no fact about the technique at [start, end); null when it may. */
export function notAFact(sentence: string, start = 0, end = sentence.length): string | null {
  const read: Record<Scope, string> = {
    sentence,
    clause: sentence.slice(0, clauseEnd(sentence, end)),
    before: sentence.slice(0, start),
  };
  return NOT_A_FACT.find(({ scope, pattern }) => pattern.test(read[scope]))?.reason ?? null;
}

/**
 * Words for the paper's own model in a text only this row carries: "we" in an abstract is the model
 * the row describes (seed/README.md). In a notes cell, written by the catalogue's analysts, "we" is
 * the paper's only inside a quotation (see SELF_QUOTED).
 */
export const SELF_WORDS =
  /(?<![\p{L}\p{N}])(?:(?:[Tt]he|[Tt]his|[Oo]ur) (?:proposed )?(?:models?|LLMs?|LMs?|language models?|networks?|architecture|system|paper)|[Ww]e|[Oo]ur|^It)(?![\p{L}\p{N}])/gu;
/** In a text several rows share, the subjects that speak of each of its models ("all models are pretrained", "Both models are fine-tuned"). */
export const FAMILY_ALL =
  /(?<![\p{L}\p{N}])(?:[Aa]ll (?:of )?(?:our |the |these |two |three |four )?(?:\p{L}+ )?models|[Bb]oth models|[Ee]ach model|[Ee]very model)(?![\p{L}\p{N}])/gu;
/** The opening quote a notes cell puts before the paper's own words. */
export const SELF_QUOTED = /["“]/;

/**
 * What ties the model (before it) to a technique (after it): a verb of building or training with it,
 * or a copula or apposition making the model one of its kind ("X is a sparse mixture-of-experts model",
 * "X, a decoder-only Transformer").
 */
const LINKS = [
  'uses?|used|using|utili[sz](?:e|es|ed|ing)|adopt(?:s|ed|ing)?|employ(?:s|ed|ing)?|leverag(?:e|es|ed|ing)',
  'appl(?:y|ies|ied|ying)|incorporat(?:e|es|ed|ing)|integrat(?:e|es|ed|ing)|combin(?:e|es|ed|ing)|featur(?:e|es|ed|ing)',
  'equipped with|built (?:on|upon|with)|based on|rel(?:y|ies) on|via|through|with|followed by|undergo(?:es)?|underwent',
  '(?:obtained|created|produced|made) (?:by|through|via)',
  'consists? of|comprises|compris(?:e|ing)|includes?|contains?|has|have|had',
  '(?:pre-?|post-?|fine-?|instruction[- ])?train(?:s|ed)?|tuned|aligned|develop(?:s|ed)?|builds?|built|design(?:s|ed)?',
  'implement(?:s|ed)?|present(?:s|ed)?|introduc(?:e|es|ed)|propos(?:e|es|ed)|release(?:s|d)?',
  'is an?|is the|are|was an?|was the|were|, an?|, the',
];
export const USES_LINK = new RegExp(`(?<![\\p{L}\\p{N}])(?:${LINKS.join('|')})(?![\\p{L}\\p{N}])`, 'gu');

/** What ties a model to a limitation it shows. */
export const SHOWS_LINK =
  /(?<![\p{L}\p{N}])(?:exhibits?|exhibiting|suffers? from|suffering from|prone to|struggles? with|shows?|displays?|produces?|including)(?![\p{L}\p{N}])/gu;

/**
 * Words between the tying verb and the technique that make the technique belong to something else
 * ("a dataset of instruction tuning examples", "used to generate synthetic data") or to a family of
 * models the sentence does not single this one out of ("a collection of 13 Russian Transformer LMs").
 */
export const FOREIGN_GAP =
  /(?<![\p{L}\p{N}])(?:to|from|into|toward|towards|about|against|between|among|over|beyond|which|whose|who|dataset|datasets|corpus|benchmark|data|examples?|samples?|teacher|student|other|collection|family|series|suite|variety|range|sizes|versions?|variants?|counterparts)(?![\p{L}\p{N}])|[.;:](?=\s|$)/iu;
/**
 * Ways of a verb's participle that make it an adjective of the next noun ("pre-trained weights of Qwen-7B",
 * "fine-tuning a pre-trained VLM"): the technique is that noun's, so only "is a"/", a" ties it to the model.
 */
export const PARTICIPLE = /ed$/i;
export const COPULA = /^(?:is|are|was|were|,)\s*(?:an?|the)?$/i;
/** What follows a participle used as a verb ("pre-trained on", "fine-tuned from Llama 2"). */
export const AFTER_VERB = /^\s*(?:[.,;:)]|$|on|with|from|using|by|for|in|to|via|through|and|or|over|as|at|further|then)(?![\p{L}\p{N}])/iu;
/** The most words a tying verb and its technique may stand apart. */
export const MAX_GAP_WORDS = 10;

/**
 * A gap ending in "<noun> of" makes the technique that noun's owner ("a variant of PPO", "the training
 * of Transformers"), unless the noun only counts or mixes ("a combination of SFT and RLHF").
 */
export const OWNER_OF = /(?<![\p{L}\p{N}])(?!(?:combination|mix|mixture|blend|use|set|series|suite) of)\p{L}+ of\s*$/iu;
/** A subject right after the model's word that is not the model ("our dataset includes", "our benchmark uses"). */
export const OTHER_SUBJECT =
  /(?<![\p{L}\p{N}])(?:datasets?|data|corpus|corpora|benchmarks?|suite|evaluations?|teachers?|baselines?)(?![\p{L}\p{N}])/iu;
