import { writeFileSync } from 'node:fs';
import { openStore, storeDir } from './hf/store.js';
import { QualityRepository } from '../src/repositories/quality.repository.js';
const store = await openStore(storeDir(2000000), console.log);
const repo = new QualityRepository(store.database.scope({ timeoutMs: 600_000 }));
const entities = await repo.entities();
const lineage = await repo.lineage();
await store.stop();
const facts = entities.map((entity) => ({ id: entity.id, type: entity.type, name: entity.name, developers: entity.developers,
  claims: entity.claims.map((c) => ({ entityId: entity.id, ordinal: c.ordinal, attribute: c.attribute, value: JSON.parse(c.value), confidence: c.confidence, rank: c.rank, hedged: c.hedged === true, sourceId: c.sourceId, quote: c.quote, sourceDate: c.sourceDate })) }));
writeFileSync('/tmp/prof/facts-2m.json', JSON.stringify({ facts, lineage }));
console.log('written');
