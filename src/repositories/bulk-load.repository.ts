/** Cypher around a bulk import: whether the store is empty before it, and what the CSV files cannot state, after it. */
import type { DatabaseScopes } from '../db/database.js';
import { BUMP_VERSION, VERSION_LABEL } from '../db/data-version.js';
import { SCHEMA_ITEMS } from '../db/migrations.js';
import { ENTITY_LABEL, type EntityType, label, relType } from '../domain/graph-model.js';
import type { RelationType } from '../domain/registry.js';

/** Nodes per transaction of the passes after an import: bounded transaction state at any size. */
const BATCH = 10_000;
/** A pass over two million nodes, or one index build, may take minutes on a busy machine. */
const LONG_MS = 3_600_000;

export interface NodeFixup {
  id: string;
  props: Record<string, unknown>;
}
export interface RelationshipFixup {
  from: string;
  to: string;
  type: RelationType;
  /** A statement relationship's key (a benchmark result's). */
  key?: string;
  props: Record<string, unknown>;
}

export class BulkLoadRepository {
  constructor(private readonly db: DatabaseScopes) {}

  /** True when the store holds nothing but the data version (two count-store reads, instant at any size). */
  async isEmptyStore(): Promise<boolean> {
    const [row] = await this.db
      .scope({ timeoutMs: 30_000 })
      .read(
        `CALL () { MATCH (n) RETURN count(n) AS all } CALL () { MATCH (v:${VERSION_LABEL}) RETURN count(v) AS versions } RETURN all, versions`,
      );
    return Number(row?.all) - Number(row?.versions) === 0;
  }

  /**
   * Every constraint and index, each with its own long deadline. A constraint is online when created (its
   * index is built from the loaded store at once); the other indexes fill in the background until awaitIndexes.
   */
  async createSchema(): Promise<void> {
    for (const item of SCHEMA_ITEMS) await this.db.scope({ timeoutMs: LONG_MS }).write((tx) => tx.run(item.cypher));
  }

  async awaitIndexes(): Promise<void> {
    await this.db.scope({ timeoutMs: LONG_MS }).read('CALL db.awaitIndexes(3600)');
  }

  /**
   * Gives `aliases = []` to every entity of the kind that has none (the import cannot write an empty
   * list), a batch at a time in id order through the kind's id constraint, so the pass is linear in its size.
   */
  async setMissingAliases(type: EntityType, onBatch: (done: number) => void = () => {}): Promise<number> {
    let after = '';
    let fixed = 0;
    for (let seen = 0; ; ) {
      const [row] = await this.db.scope({ timeoutMs: LONG_MS, background: true }).write((tx) =>
        tx.run(
          `MATCH (n:${label(type)}) WHERE n.id > $after WITH n ORDER BY n.id LIMIT ${BATCH}
           WITH collect(n) AS batch
           WITH batch, [m IN batch WHERE m.aliases IS NULL] AS missing
           FOREACH (n IN missing | SET n.aliases = [])
           RETURN size(batch) AS size, last(batch).id AS last, size(missing) AS fixed`,
          { after },
        ),
      );
      const size = Number(row?.size ?? 0);
      if (size === 0) return fixed;
      fixed += Number(row?.fixed ?? 0);
      seen += size;
      after = String(row?.last);
      onBatch(seen);
    }
  }

  async applyNodeFixups(rows: NodeFixup[]): Promise<void> {
    for (let i = 0; i < rows.length; i += BATCH)
      await this.db
        .scope({ timeoutMs: LONG_MS, background: true })
        .write((tx) =>
          tx.run(`UNWIND $rows AS row MATCH (n:${ENTITY_LABEL} {id: row.id}) SET n += row.props`, { rows: rows.slice(i, i + BATCH) }),
        );
  }

  async applyRelationshipFixups(rows: RelationshipFixup[]): Promise<void> {
    const types = [...new Set(rows.map((r) => r.type))];
    for (const type of types) {
      const ofType = rows.filter((r) => r.type === type);
      for (let i = 0; i < ofType.length; i += BATCH)
        await this.db.scope({ timeoutMs: LONG_MS, background: true }).write((tx) =>
          tx.run(
            `UNWIND $rows AS row MATCH (:${ENTITY_LABEL} {id: row.from})-[r:${relType(type)}]->(:${ENTITY_LABEL} {id: row.to})
             WHERE row.key IS NULL OR r.key = row.key
             SET r += row.props`,
            { rows: ofType.slice(i, i + BATCH) },
          ),
        );
    }
  }

  /**
   * Turns the bulk import's placeholder for a list's one empty item back into [''] on the relationships of
   * these types, a batch of start nodes at a time in id order (linear in the store, no look-up per row).
   * `property` is one of the registry's relationship columns, never data.
   */
  async restoreEmptyItems(types: RelationType[], property: string, placeholder: string): Promise<void> {
    if (!/^[A-Za-z]+$/.test(property)) throw new Error(`Not a relationship property: ${property}`);
    for (let after = ''; ; ) {
      const [row] = await this.db.scope({ timeoutMs: LONG_MS, background: true }).write((tx) =>
        tx.run(
          `MATCH (a:${ENTITY_LABEL}) WHERE a.id > $after WITH a ORDER BY a.id LIMIT ${BATCH}
           WITH collect(a) AS batch
           CALL (batch) {
             UNWIND batch AS a
             MATCH (a)-[r]->() WHERE type(r) IN $types AND r.${property} = [$placeholder]
             SET r.${property} = ['']
           }
           RETURN size(batch) AS size, last(batch).id AS last`,
          { after, types: types.map(relType), placeholder },
        ),
      );
      if (Number(row?.size ?? 0) === 0) return;
      after = String(row?.last);
    }
  }

  /** Moves the data version past the import (which started the store afresh without it), so no cache outlives it. */
  async advanceVersion(): Promise<void> {
    await this.db.scope({ timeoutMs: 30_000 }).write((tx) => tx.run(BUMP_VERSION));
  }
}
