/**
 * Pass 1: every record's own entity, the organizations its row names and its claims. Organization
 * records (what a catalogue says of an organization, e.g. its country) come first, and a row's
 * organizations are resolved before the row itself: who made a model is evidence for which model it is.
 */
import { EntityType } from '../domain/registry.js';
import type { Resolution } from '../resolve/resolver.js';
import { addClaims } from './plan-claims.js';
import type { PlanContext } from './plan-context.js';
import type { CatalogueRecord } from './records.js';
import { makerRelation } from './typing.js';

export function planRecords(context: PlanContext): void {
  for (const record of context.parsed.organizations ?? []) planOrganizationRecord(context, record);
  for (const record of context.parsed.records) planRecord(context, record);
}

function planOrganizationRecord(context: PlanContext, record: CatalogueRecord): void {
  // The countries a catalogue lists for an organization are its tags (one is its claim): any of them agrees with the graph's.
  const resolution = context.resolver.resolveOrganization(record.name, record.rowKey, { country: record.tags.join(',') });
  // Several names of one organization ("Facebook AI", "Meta AI"): the first record speaks for it, the others are its aliases.
  if ((resolution.status === 'matched' || resolution.status === 'new') && context.rowOf.has(resolution.id)) {
    context.addAliases(resolution.id, [record.name]);
    return;
  }
  const id = accept(context, record, resolution);
  if (id === undefined) return;
  const graphCountry = context.values.get(id)?.country;
  if (typeof graphCountry === 'string' && record.tags.includes(graphCountry)) record.attributes.country = graphCountry;
  addClaims(context, record, id, EntityType.ORGANIZATION);
}

function planRecord(context: PlanContext, record: CatalogueRecord): void {
  const relation = makerRelation(record.kind);
  const developers: string[] = [];
  for (const organization of record.organizations) {
    if (relation === undefined) {
      context.plan.unresolved.push({
        rowKey: record.rowKey,
        name: organization,
        relation: 'ORGANIZATION',
        reason: `a ${record.kind.toLowerCase()}'s organization has no relationship type yet`,
      });
      continue;
    }
    const org = context.resolver.resolveOrganization(organization, record.rowKey);
    if (org.status === 'ambiguous')
      context.plan.ambiguous.push({ rowKey: record.rowKey, name: organization, role: 'organization', candidates: org.candidates });
    else if (org.status === 'matched' || org.status === 'new') {
      if (org.status === 'matched' && !context.plan.organizationsMatched.includes(org.id)) {
        context.plan.organizationsMatched.push(org.id);
        context.mention(org.id, record.rowKey);
      }
      developers.push(org.id);
    }
  }
  const resolution = context.resolver.resolveRecord({
    kind: record.kind,
    name: record.name,
    aliases: record.aliases,
    developers,
    values: record.attributes,
    format: context.parsed.format,
    rowKey: record.rowKey,
  });
  const id = accept(context, record, resolution);
  if (id === undefined) return;
  if (resolution.status === 'new' && record.kind === EntityType.PRODUCT)
    context.resolver.newEntities.get(id)!.props = { productKind: record.productKind ?? null, url: record.url ?? null };
  for (const to of developers) context.relate({ from: id, type: relation!, to, rowKey: record.rowKey, basis: 'organization column' });
  addClaims(context, record, id, record.kind);
  context.resolved.push({ record, id, kind: record.kind, developers });
}

/** The entity a record becomes, recorded in the plan; undefined when it is ambiguous (reported, not merged). */
function accept(context: PlanContext, record: CatalogueRecord, resolution: Resolution): string | undefined {
  if (resolution.status === 'ambiguous') {
    context.plan.ambiguous.push({ rowKey: record.rowKey, name: record.name, role: 'record', candidates: resolution.candidates });
    return undefined;
  }
  if (resolution.status !== 'matched' && resolution.status !== 'new') return undefined;
  // Two rows of one snapshot naming one entity are ambiguous, whether it exists yet or this import
  // creates it: so a second apply, which finds it in the graph, decides as the first did.
  const earlier = context.rowOf.get(resolution.id);
  if (earlier !== undefined) {
    context.plan.ambiguous.push({
      rowKey: record.rowKey,
      name: record.name,
      role: 'record',
      candidates: [`${resolution.id} (also ${earlier})`],
    });
    return undefined;
  }
  context.rowOf.set(resolution.id, record.rowKey);
  if (resolution.status === 'matched') {
    context.plan.matched.push({
      rowKey: record.rowKey,
      name: record.name,
      id: resolution.id,
      by: resolution.by,
      evidence: resolution.evidence,
    });
    context.addAliases(resolution.id, [record.name, ...record.aliases]);
  }
  return resolution.id;
}
