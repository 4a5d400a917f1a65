import { describe, expect, it } from 'vitest';
import { compileAliases, findMentions } from '../../src/import/techniques/aliases.js';
import { type TextRecord, techniqueExtractor } from '../../src/import/techniques/extract.js';
import { seedAliasTable } from '../../src/import/techniques/seed-table.js';
import { sentencesOf } from '../../src/import/techniques/sentences.js';
import { sharedTexts } from '../../src/import/techniques/shared-texts.js';

// The extractor on sentences written for each rule, with the seed's alias table: what it must state,
// and what the rubric says is no fact (comparisons, negations, related or future work, capabilities).
const table = seedAliasTable();
const extract = techniqueExtractor(table);
let row = 0;
const record = (name: string, texts: Record<string, string>): TextRecord => ({ rowKey: `row ${++row}`, name, texts });
const uses = (name: string, texts: Record<string, string>, others: TextRecord[] = []) => {
  const mine = record(name, texts);
  const shared = sharedTexts([mine, ...others]);
  return extract(mine, { sharedWith: shared(mine) });
};
const ids = (facts: Array<{ to: string }>) => facts.map((f) => f.to).sort();
const abstract = (name: string, text: string) => ids(uses(name, { Abstract: text }));

describe('the technique extractor', () => {
  it('reads the model tied to a technique by a verb of use or by "is a"', () => {
    const facts = uses('DeepSeek-V3', {
      Abstract:
        'We present DeepSeek-V3, a strong Mixture-of-Experts (MoE) language model with 671B total parameters. To achieve efficient inference, DeepSeek-V3 adopts Multi-head Latent Attention (MLA) and DeepSeekMoE architectures.',
    });
    expect(ids(facts)).toEqual(['deepseekmoe', 'mla', 'moe']);
    const moe = facts.find((f) => f.to === 'moe')!;
    expect(moe).toMatchObject({ field: 'Abstract', rule: 'self-uses', confidence: 0.9 });
    expect(moe.note).toBeUndefined();
    expect(moe.quote).toBe('We present DeepSeek-V3, a strong Mixture-of-Experts (MoE) language model with 671B total parameters.');
    expect(
      abstract(
        'Mistral 7B',
        'Our model leverages grouped-query attention (GQA) for faster inference, coupled with sliding window attention (SWA).',
      ),
    ).toEqual(['grouped-query-attention', 'sliding-window-attention']);
    expect(abstract('Sparrow', 'We use reinforcement learning from human feedback to train our models.')).toEqual(['rlhf']);
    expect(
      abstract('X', 'We pre-train X on 14.8 trillion tokens, followed by Supervised Fine-Tuning and Reinforcement Learning stages.'),
    ).toEqual(['pre-training', 'reinforcement-learning', 'supervised-fine-tuning']);
  });

  it('states nothing from comparisons, negations, related or future work, capabilities and hedges', () => {
    expect(abstract('Solar', 'In contrast to other LLM up-scaling methods that use mixture-of-experts, we keep the model dense.')).toEqual(
      [],
    );
    expect(abstract('R', 'Our model is trained via reinforcement learning without supervised fine-tuning (SFT).')).toEqual([]);
    expect(abstract('R', 'Previous work has trained models with RLHF.')).toEqual([]);
    expect(abstract('R', 'In the future, we will adopt a mixture-of-experts architecture.')).toEqual([]);
    expect(abstract('Command', 'Our model has advanced capabilities, this includes Retrieval Augmented Generation (RAG).')).toEqual([]);
    expect(abstract('R', 'Our model reportedly uses a mixture of experts.')).toEqual([]);
    expect(abstract('R', 'We compare DPO and PPO on our models.')).toEqual([]);
    // A later clause of another statement does not undo the first.
    expect(
      abstract('Phi-4 Mini', 'Phi-4-Mini is a 3.8-billion-parameter model trained on web and synthetic data, outperforming larger models.'),
    ).toEqual(['synthetic-data']);
  });

  it('gives a technique to the noun it belongs to, not to the model', () => {
    // GRPO is the model's; PPO is what GRPO is a variant of.
    expect(
      abstract(
        'DeepSeekMath',
        'Second, we introduce Group Relative Policy Optimization (GRPO), a variant of Proximal Policy Optimization (PPO).',
      ),
    ).toEqual(['grpo']);
    // "pre-trained" describes Qwen-7B's weights; "a dataset for … tuning" is the dataset's.
    expect(abstract('Qwen-Audio', 'The model is initialized using pre-trained weights derived from Qwen-7B.')).toEqual([]);
    expect(abstract('X', 'We release a dataset of instruction tuning examples.')).toEqual([]);
    // A relative clause after another noun speaks of that noun.
    expect(abstract('X', 'Our model is fine-tuned from Y, which uses RLHF.')).toEqual(['fine-tuning']);
    // "Mamba" in the model's own name is no statement.
    expect(abstract('Falcon Mamba', 'Falcon Mamba is a new model released under the TII Falcon Mamba 7B License.')).toEqual([]);
  });

  it('matches names on word boundaries, acronyms in their case, and Chinese names anywhere', () => {
    const matchers = compileAliases(table);
    const found = (text: string) => findMentions(text, matchers).map((m) => m.id);
    expect(found('DeepSeekMoE and MiniCPM-DPO and a non-MoE model')).toEqual(['deepseekmoe']);
    expect(found('a Transformer-based model, Transformer-XL')).toEqual(['transformer']);
    expect(found('a sparsely-gated mixture of experts (moe)')).toEqual(['moe']);
    expect(found('该模型采用了混合专家架构')).toEqual(['moe']);
    expect(found('supervised fine-tuning, then finetuned again')).toEqual(['supervised-fine-tuning', 'fine-tuning']);
  });

  it('reads a family’s shared text of a member only where it names it, its family, or all its models', () => {
    const paper = 'We train our models using reinforcement learning from human feedback (RLHF).';
    const family = ['InstructGPT 175B', 'InstructGPT 6B'].map((name) => record(name, { Abstract: paper }));
    expect(ids(uses('InstructGPT 1.3B', { Abstract: paper }, family))).toEqual([]);
    const vicuna = 'Vicuna v1.5 is fine-tuned from Llama 2 with supervised instruction fine-tuning.';
    const facts = uses('Vicuna-7B-v1.5', { Abstract: vicuna }, [record('Vicuna-13B-v1.5', { Abstract: vicuna })]);
    expect(ids(facts)).toEqual(['fine-tuning', 'instruction-tuning']);
    expect(facts[0]).toMatchObject({ rule: 'family-named', confidence: 0.8, note: expect.stringContaining('family') });
    const r1 = 'DeepSeek-R1-Zero, a model trained via large-scale reinforcement learning (RL), shows reasoning.';
    expect(ids(uses('DeepSeek-R1', { Abstract: r1 }, [record('DeepSeek-R1-Zero', { Abstract: r1 })]))).toEqual([]);
    expect(ids(uses('DeepSeek-R1-Zero', { Abstract: r1 }, [record('DeepSeek-R1', { Abstract: r1 })]))).toEqual(['reinforcement-learning']);
    const all = '"In terms of Qwen2.5, all models are pretrained on our latest large-scale dataset."';
    expect(uses('Qwen2.5-72B', { 'Training dataset notes': all }, [record('Qwen2.5-32B', { 'Dataset size notes': all })])).toMatchObject([
      { to: 'pre-training', rule: 'family-all' },
    ]);
  });

  it('never makes a dense model a mixture of experts', () => {
    const gshard = 'GShard enabled us to scale up a Transformer model with Sparsely-Gated Mixture-of-Experts.';
    expect(abstract('GShard (dense)', gshard)).not.toContain('moe');
    expect(abstract('MM1', 'We build MM1, a family of models including both dense models and mixture-of-experts (MoE) variants.')).toEqual(
      [],
    );
  });

  it('reads notes cells: the paper’s quoted "we", subjectless sentences and phrases, never the analyst’s "we"', () => {
    expect(uses('DBRX', { 'Parameters notes': '132B mixture of experts. 36B parameters active per inference' })).toMatchObject([
      { to: 'moe', rule: 'notes-phrase', quote: '132B mixture of experts.', note: expect.stringContaining('notes cell') },
    ]);
    expect(uses('Stable Beluga 2', { 'Parameters notes': 'fine-tuned from Llama 2-70B' })).toMatchObject([
      { to: 'fine-tuning', rule: 'notes-subjectless' },
    ]);
    expect(ids(uses('FinGPT', { 'Parameters notes': 'Finetunes using LoRA, so only trains 3.67 million parameters' }))).toEqual([
      'fine-tuning',
      'lora',
    ]);
    expect(ids(uses('M', { 'Training dataset notes': '"We pretrain our model on 2T tokens."' }))).toEqual(['pre-training']);
    expect(ids(uses('M', { 'Training compute notes': 'Using the proportion of tokens for fine-tuning, we have: 3e21' }))).toEqual([]);
    // A bare name is a heading or a list item.
    expect(uses('Phi-4', { 'Training dataset notes': '• Direct Preference Optimization (DPO)' })).toEqual([]);
    expect(uses('R1-Zero', { 'Training dataset notes': 'RL without (!) SFT' })).toEqual([]);
  });

  it('reads the cells Epoch states in a word: approach, the model’s name and its fine-tuning compute', () => {
    expect(uses('GPT-2', { Approach: 'Self-supervised learning' })).toMatchObject([
      { to: 'self-supervised-learning', rule: 'approach-cell', quote: 'Self-supervised learning' },
    ]);
    expect(ids(uses('NMT', { Approach: 'Supervised' }))).toEqual(['supervised-learning']);
    expect(ids(uses('AWD-LSTM-MoS', { Model: 'AWD-LSTM-MoS + dynamic evaluation (WT2)' }))).toEqual(['lstm']);
    expect(ids(uses('Transformer-XL + RMT', { Model: 'Transformer-XL + RMT' }))).toEqual(['transformer']);
    expect(uses('Vicuna', { 'Finetune compute (FLOP)': '4.662e+19' })).toMatchObject([
      { to: 'fine-tuning', rule: 'finetune-cell', quote: '4.662e+19' },
    ]);
    expect(uses('FunSearch', { 'Finetune compute (FLOP)': '0.0', 'Finetune compute notes': 'No finetuning' })).toEqual([]);
  });

  it('keeps each fact’s quote a verbatim slice of its field, cut to clauses when the sentence is long', () => {
    const long = `${'Over several months and on hundreds of machines, '.repeat(8)}we train the model using reinforcement learning from human feedback (RLHF), and nothing else.`;
    const [fact] = uses('X', { Abstract: long });
    expect(long).toContain(fact!.quote);
    expect(fact!.quote.length).toBeLessThanOrEqual(400);
  });
});

describe('sentences of a catalogue cell', () => {
  it('end at full stops before capitals, not after abbreviations, wrapped lines or remarks', () => {
    const text =
      'We use MoE, e.g. Mixtral. It works.\nThe training algorithms include\nsupervised finetuning. RL without (!) SFT. DeepSeek-\nR1 wins.';
    expect(sentencesOf(text).map((s) => s.text)).toEqual([
      'We use MoE, e.g. Mixtral.',
      'It works.',
      'The training algorithms include\nsupervised finetuning.',
      'RL without (!) SFT.',
      'DeepSeek-\nR1 wins.',
    ]);
    for (const s of sentencesOf(text)) expect(text.slice(s.start, s.start + s.text.length)).toBe(s.text);
  });
});
