/**
 * The extraction rules, each with the confidence it gives and, where the rule and not the sentence
 * alone decides, the note the citation carries. Rules that misfired in review are removed here, not
 * patched fact by fact (seed/review/catalogue-*.md has each rule's precision).
 */
export interface Rule {
  id: string;
  confidence: number;
  /** Why a rule decided what the sentence alone does not say; none when the sentence states the fact. */
  note?: string;
}

export const RULES = {
  /** The model (we, our model, its name) is tied to the technique by a verb of use or by "is a": the sentence says it. */
  selfUses: { id: 'self-uses', confidence: 0.9 },
  /** An opening clause of use before the model: "Through RL, DeepSeek-R1-Zero …", "Fine-tuned from Qwen 2.5, Athene-V2 …". */
  fronted: { id: 'fronted-use', confidence: 0.9 },
  /** A family's shared text whose subject is every model of it ("all models are pretrained on …", "Both models are fine-tuned"). */
  familyAll: {
    id: 'family-all',
    confidence: 0.8,
    note: 'a text several rows share, whose sentence speaks of all the models it covers, read as stating it of this one',
  },
  /** A family's shared text naming the family the row's name places it in ("Vicuna v1.5 is fine-tuned from Llama 2 …"). */
  familyNamed: {
    id: 'family-named',
    confidence: 0.8,
    note: 'a text several rows share, whose sentence names the family; the row’s name makes this model a member',
  },
  /** A notes sentence without a subject that opens with the technique's verb ("Fine-tuned from Vicuna-13B", "Finetunes using LoRA"). */
  notesSubjectless: {
    id: 'notes-subjectless',
    confidence: 0.8,
    note: 'a sentence with no subject in this row’s notes cell, read as describing the row’s model',
  },
  /** A notes cell's phrase makes the model one of the technique's kind ("132B mixture of experts.", "MoE architecture"). */
  notesPhrase: {
    id: 'notes-phrase',
    confidence: 0.8,
    note: 'a phrase with no subject in this row’s notes cell, read as describing the row’s model',
  },
  /** Epoch's Approach cell names the model's training approach in a word or two. */
  approachCell: {
    id: 'approach-cell',
    confidence: 0.8,
    note: 'Epoch’s Approach column, read as the approach the model was trained with',
  },
  /** The catalogue's name for the model names its architecture or method ("AWD-LSTM", "Transformer-XL + RMT", "Mistral finetune"). */
  nameCell: {
    id: 'name-cell',
    confidence: 0.8,
    note: 'the catalogue’s name for the model, read as naming a technique it is built with',
  },
  /** Epoch gives the compute of fine-tuning the model from its base model. */
  finetuneCell: {
    id: 'finetune-cell',
    confidence: 0.8,
    note: 'Epoch’s Finetune compute column, given for a model fine-tuned from its base model',
  },
} as const satisfies Record<string, Rule>;

export type RuleId = (typeof RULES)[keyof typeof RULES]['id'];

/**
 * Epoch's cells read whole rather than as sentences, by column: a one-phrase verdict (Approach), the
 * model's name, and the fine-tuning compute (whose presence says the model was fine-tuned). Another
 * catalogue maps its own columns here.
 */
export const CELL_FIELDS = {
  approach: 'Approach',
  name: 'Model',
  finetune: 'Finetune compute (FLOP)',
} as const;
/** The paper's own text; every other sentence field is a catalogue analyst's notes. */
export const ABSTRACT_FIELD = 'Abstract';

/**
 * Techniques a row must not get although a sentence names them: a model whose catalogue name says
 * it is dense is no mixture of experts, and a sentence speaking of dense models too ("dense models and
 * mixture-of-experts variants") does not say which one this is.
 */
export const EXCLUSIVE: Record<string, { row?: RegExp; sentence?: RegExp }> = {
  moe: { row: /\bdense\b/i, sentence: /\bdense\b/i },
};

/**
 * The techniques the rules extract, by seed id: those whose every name (seed/techniques.json) names
 * the technique and nothing else in a catalogue's sentences. Left out: names of tasks or settings
 * ("language modeling", "few-shot", "agent", "prompt"), of capabilities ("multimodal", "tool use"),
 * and of concepts too broad to be a choice of how a model was built ("deep learning", "attention").
 */
export const EXTRACTED = [
  'transformer',
  'decoder-only',
  'encoder-decoder',
  'bidirectional-encoder',
  'pre-training',
  'fine-tuning',
  'instruction-tuning',
  'supervised-fine-tuning',
  'rlhf',
  'reward-model',
  'moe',
  'mla',
  'multi-query-attention',
  'rope',
  'alibi',
  'swiglu',
  'rmsnorm',
  'flashattention',
  'quantization',
  'synthetic-data',
  'vision-adapter',
  'self-supervised-learning',
  'supervised-learning',
  'unsupervised-learning',
  'masked-language-modeling',
  'lstm',
  'rnn',
  'cnn',
  'gru',
  'rag',
  'chain-of-thought',
  'glm-blank-infilling',
  'pipeline-parallelism',
  'data-parallelism',
  'seq2seq',
  'grouped-query-attention',
  'sliding-window-attention',
  'dpo',
  'orpo',
  'kto',
  'simpo',
  'ppo',
  'grpo',
  'reinforcement-learning',
  'reasoning-rl',
  'knowledge-distillation',
  'speculative-decoding',
  'state-space-model',
  'mamba',
  'hybrid-ssm-transformer',
  'deepseekmoe',
  'context-extension',
  'yarn',
  'position-interpolation',
  'quantization-aware-training',
  'lora',
] as const;
