import { registerEnumType } from 'type-graphql';
import { EntityType, LineageKind, RelationType } from '../../domain/graph-model.js';

export enum LineageDirection {
  ANCESTORS = 'ANCESTORS',
  DESCENDANTS = 'DESCENDANTS',
  BOTH = 'BOTH',
}

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

export enum NullsOrder {
  FIRST = 'FIRST',
  LAST = 'LAST',
}

export enum ModelOrderField {
  NAME = 'NAME',
  RELEASE_DATE = 'RELEASE_DATE',
  PARAMETERS = 'PARAMETERS',
}

registerEnumType(EntityType, { name: 'EntityType', description: 'The kinds of entity in the graph.' });
registerEnumType(RelationType, { name: 'RelationType', description: 'Relationship types between entities.' });
registerEnumType(LineageKind, { name: 'LineageKind', description: 'How a model derives from its parent.' });
registerEnumType(LineageDirection, { name: 'LineageDirection' });
registerEnumType(OrderDirection, { name: 'OrderDirection' });
registerEnumType(ModelOrderField, { name: 'ModelOrderField' });
registerEnumType(NullsOrder, { name: 'NullsOrder', description: 'Where entities without the ordered value go.' });

export { EntityType, LineageKind, RelationType };
