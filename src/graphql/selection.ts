import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { LINK_FIELDS, PROPERTY_FIELDS, RELATION_FIELDS } from '../domain/relation-fields.js';
import { ENTITY_TYPES, type EntityType, KINDS } from '../domain/registry.js';
import { emptyEntitySelection, type EntitySelection, type RelationSelection, type Selection } from '../domain/selection.js';

export const TYPE_NAME = Object.fromEntries(ENTITY_TYPES.map((type) => [type, KINDS[type].typeName])) as Record<EntityType, string>;
const ALL_TYPES = ENTITY_TYPES;
/** The object type of a `<field>Links` item: the entity reached and the relationship's citations. */
export const linkedTypeName = (type: EntityType): string => `Linked${TYPE_NAME[type]}`;
const INTERFACE_NAME = 'Entity';

/** Sub-fields of `nodes` that apply to objects of `typeName`, through fragments, grouped by field name. */
function subFields(info: GraphQLResolveInfo, nodes: readonly FieldNode[], typeName: string): Map<string, FieldNode[]> {
  const out = new Map<string, FieldNode[]>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        out.set(name, [...(out.get(name) ?? []), selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition?.name.value;
        if (condition === undefined || typeName === '' || condition === typeName || condition === INTERFACE_NAME)
          visit(selection.selectionSet);
      } else {
        const fragment = info.fragments[selection.name.value];
        const condition = fragment?.typeCondition.name.value;
        if (fragment && (typeName === '' || condition === typeName || condition === INTERFACE_NAME)) visit(fragment.selectionSet);
      }
    }
  };
  for (const node of nodes) visit(node.selectionSet);
  return out;
}

function entitySelection(info: GraphQLResolveInfo, nodes: readonly FieldNode[], type: EntityType): EntitySelection {
  const fields = subFields(info, nodes, TYPE_NAME[type]);
  const selection = emptyEntitySelection();
  for (const name of fields.keys()) if (PROPERTY_FIELDS[type].has(name)) selection.fields.add(name);
  selection.sources = fields.has('sources');
  selection.claims = fields.has('claims');
  selection.withheld = fields.has('withheld');
  selection.influence = fields.has('influence');
  for (const [name, relation] of [...Object.entries(RELATION_FIELDS[type]), ...Object.entries(LINK_FIELDS[type])]) {
    const fieldNodes = fields.get(name);
    if (fieldNodes === undefined) continue;
    let wanted: RelationSelection = { target: selectionOf(info, fieldNodes, [relation.target]), citations: false };
    if (relation.link || relation.cited) {
      const [linkType, entityField] = relation.link ? ['LineageLink', 'model'] : [linkedTypeName(relation.target), 'node'];
      const link = subFields(info, fieldNodes, linkType);
      wanted = { target: selectionOf(info, link.get(entityField) ?? [], [relation.target]), citations: link.has('citations') };
    }
    selection.relations.set(name, wanted);
  }
  return selection;
}

/** The Selection for entity values held by `nodes`, which may be of any of `types`. */
export function selectionOf(info: GraphQLResolveInfo, nodes: readonly FieldNode[], types: EntityType[] = ALL_TYPES): Selection {
  const selection: Selection = {};
  for (const type of types) selection[type] = entitySelection(info, nodes, type);
  return selection;
}

/**
 * The Selection of the entities found at `path` below the current field, e.g. ['edges', 'node']
 * for a connection; an empty path means the field's own value.
 */
export function selectionAt(info: GraphQLResolveInfo, path: string[], types: EntityType[] = ALL_TYPES): Selection {
  let nodes: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) nodes = subFields(info, nodes, '').get(name) ?? [];
  return selectionOf(info, nodes, types);
}

/** Whether the current field's selection reaches `path`, e.g. ['totalCount'] or ['edges', 'citations']. */
export function selects(info: GraphQLResolveInfo, ...path: string[]): boolean {
  let nodes: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) nodes = subFields(info, nodes, '').get(name) ?? [];
  return nodes.length > 0;
}
