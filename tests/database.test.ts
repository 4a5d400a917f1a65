import { afterAll, describe, expect, it } from 'vitest';
import { Database, DatabaseUnavailableError } from '../src/db/database.js';
import { applyMigrations, missingSchemaItems, SCHEMA_ITEMS } from '../src/db/migrations.js';
import { freePort } from './helpers/ports.js';
import { testDatabase } from './helpers/database.js';

const db = testDatabase();
afterAll(async () => {
  await db.scope().write((tx) => tx.run('MATCH (n:DbTestNode) DETACH DELETE n'));
  await db.close();
});

describe('the database module', () => {
  it('counts one round trip per statement, per scope and in total', async () => {
    const before = db.roundTrips;
    const scope = db.scope();
    await scope.read('RETURN 1 AS one');
    await scope.write(async (tx) => {
      await tx.run("CREATE (:DbTestNode {id: 'a'})");
      await tx.run("CREATE (:DbTestNode {id: 'b'})");
    });
    // A write that changed data advances the data version in the same transaction: one more statement.
    expect(scope.roundTrips).toBe(4);
    expect(db.roundTrips - before).toBe(4);
  });

  it('returns plain JavaScript values: numbers for integers, objects for nodes and maps', async () => {
    const rows = await db.scope().read("RETURN 42 AS n, [1, 2] AS list, {a: 1, b: 'x'} AS map, date('2023-03-14') AS day, null AS nothing");
    expect(rows).toEqual([{ n: 42, list: [1, 2], map: { a: 1, b: 'x' }, day: '2023-03-14', nothing: null }]);
    const nodes = await db.scope().read("MATCH (n:DbTestNode {id: 'a'}) RETURN n");
    expect(nodes).toEqual([{ n: { id: 'a' } }]);
  });

  it('streams a large read row by row, in order, as plain values, with the event loop turning meanwhile', async () => {
    const scope = db.scope();
    const seen: number[] = [];
    // Turns of the event loop, counted between the first row and the last: none if the rows were gathered first.
    let turns = 0;
    let counting = true;
    const tick = () => {
      turns += 1;
      if (counting) setImmediate(tick);
    };
    setImmediate(tick);
    let turnsAtFirstRow = -1;
    const count = await scope.each('UNWIND range(1, $n) AS i RETURN i, {square: i * i} AS map', { n: 50_000 }, (row) => {
      if (turnsAtFirstRow < 0) turnsAtFirstRow = turns;
      expect(row.map).toEqual({ square: (row.i as number) ** 2 });
      seen.push(row.i as number);
    });
    const turnsAtLastRow = turns;
    counting = false;
    expect(count).toBe(50_000);
    expect(seen).toEqual(Array.from({ length: 50_000 }, (_, i) => i + 1));
    expect(turnsAtLastRow).toBeGreaterThan(turnsAtFirstRow);
    expect(scope.roundTrips).toBe(1);
  });

  it('rejects a streamed read with the error its row handler threw', async () => {
    const failing = db.scope().each('UNWIND range(1, 10000) AS i RETURN i', {}, (row) => {
      if (row.i === 3) throw new Error('row 3 is refused');
    });
    await expect(failing).rejects.toThrow('row 3 is refused');
    // Nothing is left waiting on the abandoned stream: the next statements are answered at once.
    expect(await db.scope().read('RETURN 1 AS one')).toEqual([{ one: 1 }]);
    expect(await db.scope().write((tx) => tx.run('RETURN 1 AS one'))).toEqual([{ one: 1 }]);
  });

  it('rolls a failed write transaction back completely', async () => {
    await expect(
      db.scope().write(async (tx) => {
        await tx.run("CREATE (:DbTestNode {id: 'rolled-back'})");
        await tx.run('RETURN 1 / 0');
      }),
    ).rejects.toThrow(/by zero/);
    expect(await db.scope().read("MATCH (n:DbTestNode {id: 'rolled-back'}) RETURN count(n) AS n")).toEqual([{ n: 0 }]);
  });

  it('reads its own writes through the shared bookmark manager', async () => {
    await db.scope().write((tx) => tx.run("MERGE (:DbTestNode {id: 'bookmarked'})"));
    expect(await db.scope().read("MATCH (n:DbTestNode {id: 'bookmarked'}) RETURN count(n) AS n")).toEqual([{ n: 1 }]);
  });

  it('stops a statement that outlives the transaction timeout', async () => {
    const slow = db.scope({ timeoutMs: 300 });
    await expect(slow.read('UNWIND range(1, 100000000) AS x WITH x WHERE x = -1 RETURN count(x)')).rejects.toBeInstanceOf(
      DatabaseUnavailableError,
    );
  });

  it('reports an unreachable database as unavailable, quickly', async () => {
    const nowhere = new Database({
      uri: `bolt://127.0.0.1:${await freePort()}`,
      user: 'neo4j',
      password: undefined,
      database: undefined,
      timeoutMs: 2_000,
    });
    const started = Date.now();
    await expect(nowhere.ping(2_000)).rejects.toThrow();
    await expect(nowhere.scope().read('RETURN 1')).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(Date.now() - started).toBeLessThan(15_000);
    await nowhere.close();
  });

  it('applies constraints and indexes idempotently and sees them all online', async () => {
    await applyMigrations(db);
    await applyMigrations(db);
    await db.scope().read('CALL db.awaitIndexes(60)');
    expect(await missingSchemaItems(db)).toEqual([]);
    const [row] = await db.scope().read('SHOW INDEXES YIELD name RETURN collect(name) AS names');
    for (const item of SCHEMA_ITEMS) expect(row!.names as string[]).toContain(item.name);
  });

  it('enforces unique ids across entity kinds', async () => {
    await applyMigrations(db);
    await db.scope().write((tx) => tx.run("CREATE (:Entity:Model:DbTestNode {id: 'dup-id-test'})"));
    await expect(db.scope().write((tx) => tx.run("CREATE (:Entity:Organization:DbTestNode {id: 'dup-id-test'})"))).rejects.toThrow(
      /already exists/,
    );
  });
});
