import { describe, expect, it } from 'vitest';
import { ReleaseRepository } from '../../../src/repositories/release.repository.js';
import { Recording } from './recording.js';

describe('ReleaseRepository: Cypher', () => {
  it('reads the sources and what the store was loaded from', async () => {
    const db = new Recording([
      ['RETURN s {.*} AS source', [{ source: { id: 'src-epoch-ai', title: 'Epoch AI', license: 'CC BY 4.0' } }]],
      ['AS release', [{ version: 42, seedHash: 'sha256:abc', catalogues: ['epoch-ai'], release: null }]],
    ]);
    const releases = new ReleaseRepository(db);
    expect(await releases.sources()).toEqual([expect.objectContaining({ id: 'src-epoch-ai', license: 'CC BY 4.0' })]);
    expect(await releases.loaded()).toEqual(expect.objectContaining({ seedHash: 'sha256:abc', catalogues: ['epoch-ai'], release: null }));
    expect(db.sent).toMatchSnapshot();
  });

  it('marks a reloaded release: the sources that carry catalogue details, then the load marker', async () => {
    const db = new Recording();
    await new ReleaseRepository(db).markReleaseLoaded(
      [
        { id: 'src-001', title: 'Document one' },
        { id: 'src-epoch-ai', title: 'Epoch AI', license: 'CC BY 4.0', retrieved: '2025-03-14' },
      ] as never,
      { version: '2026.12.07', seedHash: 'sha256:abc', catalogues: ['epoch-ai'] },
    );
    expect(db.sent).toMatchSnapshot();
  });
});
