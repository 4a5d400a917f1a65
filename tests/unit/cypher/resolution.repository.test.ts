import { describe, expect, it } from 'vitest';
import { ResolutionRepository } from '../../../src/repositories/resolution.repository.js';
import { Recording } from './recording.js';

const snapshot = {
  keepLabels: ['Entity', 'Organization'],
  labels: ['Entity', 'Organization'],
  props: { id: 'moonshot', name: 'Moonshot', aliases: ['月之暗面'] },
  keepName: 'Moonshot AI',
  keepAliases: [],
  relationships: [{ type: 'DEVELOPED_BY', out: false, other: 'kimi-k1-5', props: { id: 'kimi-k1-5:DEVELOPED_BY:moonshot' } }],
  citations: [{ source: 'src-epoch-ai', props: { ordinal: 0, quote: 'Moonshot', attribute: null } }],
  keepCitations: [],
};

describe('ResolutionRepository: Cypher', () => {
  it('merges one organization into another: relationships and citations moved, names kept as aliases, a redirect and a change recorded', async () => {
    const db = new Recording([
      ['AS keepCitations', [snapshot]],
      ['RETURN redirected', [{ redirected: [] }]],
    ]);
    const record = await new ResolutionRepository(db).merge('moonshot-ai', 'moonshot', { reason: 'same lab', evidence: ['Epoch rows'] });
    expect(record.aliases).toEqual(['Moonshot', '月之暗面']);
    expect(db.sent).toMatchSnapshot();
  });

  it('refuses to merge entities of two kinds, naming both', async () => {
    const db = new Recording([['AS keepCitations', [{ ...snapshot, keepLabels: ['Entity', 'Model'] }]]]);
    await expect(new ResolutionRepository(db).merge('kimi', 'moonshot', { reason: '', evidence: [] })).rejects.toThrow(
      'moonshot (Entity, Organization) and kimi (Entity, Model) are not of one kind.',
    );
  });

  it('renames ids with redirects, their relationships following, and lists ids', async () => {
    const db = new Recording();
    const resolution = new ResolutionRepository(db);
    await resolution.renameIds([{ from: 'chatglm_6b', to: 'chatglm-6b' }]);
    await resolution.ids();
    expect(db.sent).toMatchSnapshot();
  });
});
