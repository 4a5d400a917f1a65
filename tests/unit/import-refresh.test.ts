import { describe, expect, it } from 'vitest';
import { EntityType, RelationType } from '../../src/domain/registry.js';
import type { ImportPlan } from '../../src/import/plan.js';
import { type HeldEntity, heldRows, refreshDiff, WITHDRAWN_PREFIX, withdrawnNote } from '../../src/import/refresh.js';

const claim = (
  sourceId: string,
  snapshot: string,
  rowKey: string,
  attribute: string | null,
  value: unknown,
  note: string | null = null,
) => ({
  sourceId,
  snapshot,
  rowKey,
  attribute,
  value: value === null ? null : JSON.stringify(value),
  note,
});

const held: HeldEntity[] = [
  {
    id: 'kept',
    kind: EntityType.OFFERING,
    citations: [claim('old', '2026-06-20', 'p/a.toml', 'inputPrice', 1), claim('new', '2026-07-02', 'p/a.toml', 'inputPrice', 2)],
    links: [{ type: RelationType.SERVES, to: 'm', sources: ['old', 'new'] }],
  },
  {
    id: 'gone-before',
    kind: EntityType.OFFERING,
    citations: [
      claim('old', '2026-06-20', 'p/b.toml', 'inputPrice', 1),
      claim('new', '2026-07-02', 'p/b.toml', 'status', 'WITHDRAWN', withdrawnNote('p/b.toml', '2026-07-02')),
    ],
    links: [],
  },
  { id: 'priced', kind: EntityType.OFFERING, citations: [claim('old', '2026-06-20', 'p/c.toml', 'inputPrice', 3)], links: [] },
  { id: 'dropped', kind: EntityType.OFFERING, citations: [claim('old', '2026-06-20', 'p/d.toml', 'inputPrice', 4)], links: [] },
  { id: 'model', kind: EntityType.MODEL, citations: [claim('old', '2026-06-20', 'models/x.toml', 'reasoning', true)], links: [] },
];

const plan = (
  rows: ImportPlan['rows'],
  claims: Array<[string, string, string, unknown]>,
  serves: Array<[string, string, string]> = [],
): ImportPlan =>
  ({
    rows,
    claims: claims.map(([entityId, rowKey, attribute, value]) => ({ entityId, rowKey, attribute, value, kind: EntityType.OFFERING })),
    relationships: serves.map(([from, rowKey, to]) => ({ from, rowKey, to, type: RelationType.SERVES })),
  }) as unknown as ImportPlan;

describe('refresh', () => {
  const rows = heldRows(held);

  it('reads what the graph holds of each entity from the newest snapshot citing it', () => {
    expect(rows.find((r) => r.id === 'kept')).toMatchObject({ snapshot: '2026-07-02', values: { inputPrice: 2 }, targets: ['m'] });
    expect(rows.find((r) => r.id === 'gone-before')).toMatchObject({ withdrawn: true, values: {} });
    expect(withdrawnNote('p/b.toml', '2026-07-02').startsWith(WITHDRAWN_PREFIX)).toBe(true);
  });

  it('sorts a newer snapshot’s rows into added, changed, moved and gone', () => {
    const diff = refreshDiff(
      plan(
        [
          { rowKey: 'p/c2.toml', id: 'priced', kind: EntityType.OFFERING, name: 'C' },
          { rowKey: 'p/e.toml', id: 'fresh', kind: EntityType.OFFERING, name: 'E' },
        ],
        [
          ['priced', 'p/c2.toml', 'inputPrice', 2.5],
          ['fresh', 'p/e.toml', 'inputPrice', 1],
        ],
      ),
      rows,
      '2026-08-01',
      true,
    );
    expect(diff.added).toEqual([{ rowKey: 'p/e.toml', id: 'fresh', name: 'E' }]);
    expect(diff.changed).toEqual([{ rowKey: 'p/c2.toml', id: 'priced', values: [{ attribute: 'inputPrice', from: 3, to: 2.5 }] }]);
    expect(diff.moved).toEqual([{ id: 'priced', from: 'p/c.toml', to: 'p/c2.toml' }]);
    // Gone: held and live, of a kind the snapshot has; a withdrawn one is not gone again, and a model is not an offering.
    expect(diff.gone.map((g) => g.id).sort()).toEqual(['dropped', 'kept']);
    expect(diff.held).toEqual({ '2026-06-20': 3, '2026-07-02': 1 });
    expect(diff.older).toBe(false);
  });

  it('withdraws nothing when the snapshot is older than what the graph holds, and finds nothing to do in the same one again', () => {
    expect(refreshDiff(plan([], []), rows, '2026-06-01', true)).toMatchObject({ older: true, gone: [] });
    const same = refreshDiff(
      plan(
        [{ rowKey: 'p/a.toml', id: 'kept', kind: EntityType.OFFERING, name: 'A' }],
        [['kept', 'p/a.toml', 'inputPrice', 2]],
        [['kept', 'p/a.toml', 'm']],
      ),
      rows.filter((r) => r.id === 'kept'),
      '2026-07-02',
      true,
    );
    expect(same).toMatchObject({ added: [], changed: [], moved: [], gone: [], unchanged: 1 });
  });
});
