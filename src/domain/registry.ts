import { z } from 'zod';

/**
 * The graph's shape, declared once: every entity kind with its properties and every relationship
 * type with its ends and field names. Labels, GraphQL types and inputs, projection tables, seed
 * and curation validation, the seed files, the export and the GraphML keys are all derived from
 * here (tests/unit/registry.test.ts checks the layers that are written by hand).
 * Adding a kind: a value in EntityType, an entry in KINDS, a seed file.
 */
export enum EntityType {
  MODEL = 'MODEL',
  ORGANIZATION = 'ORGANIZATION',
  TECHNIQUE = 'TECHNIQUE',
  LIMITATION = 'LIMITATION',
  DATASET = 'DATASET',
  PRODUCT = 'PRODUCT',
  SERIES = 'SERIES',
}

export enum RelationType {
  DEVELOPED_BY = 'DEVELOPED_BY',
  DERIVED_FROM = 'DERIVED_FROM',
  USES = 'USES',
  HAS_LIMITATION = 'HAS_LIMITATION',
  MITIGATES = 'MITIGATES',
  BUILDS_ON = 'BUILDS_ON',
  COMPETES_WITH = 'COMPETES_WITH',
  COLLABORATES_WITH = 'COLLABORATES_WITH',
  INVESTS_IN = 'INVESTS_IN',
  PROPOSED_BY = 'PROPOSED_BY',
  TRAINED_ON = 'TRAINED_ON',
  POWERED_BY = 'POWERED_BY',
  OFFERED_BY = 'OFFERED_BY',
  MEMBER_OF = 'MEMBER_OF',
  PART_OF = 'PART_OF',
}

/**
 * How a model derives from its parent. Hugging Face's base_model_relation maps one to one:
 * finetune -> FINE_TUNE, adapter -> ADAPTER, quantized -> QUANTIZED, merge -> MERGE; the documents
 * and catalogues add DISTILLATION, SUCCESSOR and the others below.
 */
export enum LineageKind {
  SUCCESSOR = 'SUCCESSOR',
  FINE_TUNE = 'FINE_TUNE',
  VARIANT = 'VARIANT',
  SCALE_UP = 'SCALE_UP',
  MULTIMODAL = 'MULTIMODAL',
  LONG_CONTEXT = 'LONG_CONTEXT',
  DISTILLATION = 'DISTILLATION',
  ADAPTER = 'ADAPTER',
  QUANTIZED = 'QUANTIZED',
  MERGE = 'MERGE',
}

/** How a claim ranks among competing values of its attribute (as Wikidata ranks statements). */
export enum ClaimRank {
  PREFERRED = 'PREFERRED',
  NORMAL = 'NORMAL',
  DEPRECATED = 'DEPRECATED',
}

export enum TechniqueCategory {
  ARCHITECTURE = 'ARCHITECTURE',
  TRAINING = 'TRAINING',
  ALIGNMENT = 'ALIGNMENT',
  INFERENCE = 'INFERENCE',
  DATA = 'DATA',
  APPLICATION = 'APPLICATION',
  EFFICIENCY = 'EFFICIENCY',
}

/** What kind of thing people use a product as. */
export enum ProductKind {
  CHAT_APP = 'CHAT_APP',
  ASSISTANT = 'ASSISTANT',
  CODING_TOOL = 'CODING_TOOL',
  SEARCH_ENGINE = 'SEARCH_ENGINE',
  CONTENT_TOOL = 'CONTENT_TOOL',
  AGENT = 'AGENT',
  DEVELOPER_PLATFORM = 'DEVELOPER_PLATFORM',
  DEVICE = 'DEVICE',
  BROWSER_EXTENSION = 'BROWSER_EXTENSION',
}

/** Slug ids: lowercase words joined by single dashes. */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const ISO_DATE_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** How a property appears in GraphQL; an enum names the TypeScript enum registered under `name`. */
export type GraphQLScalar =
  | 'String'
  | 'Int'
  | 'Float'
  | 'Boolean'
  | 'StringList'
  | { enum: Record<string, string>; name: string; description: string };

export interface PropertySpec {
  /** Validation of a present value, shared by seed files, curation inputs and importers. */
  value: z.ZodType;
  scalar: GraphQLScalar;
  description?: string;
  /** Values come from cited claims (seed `claims`, one claim per curated write); the node shows the preferred one. */
  claimable?: boolean;
  /** Every entity of the kind has it: a seed entry must give it, a curated creation too. */
  required?: boolean;
  /** Lists can be ordered by it (ModelOrderField) / filtered on it (ModelFilter). */
  sortable?: boolean;
  filterable?: boolean;
}

export interface KindSpec {
  label: string;
  /** GraphQL object type; its Relay connection is `${typeName}Connection`. */
  typeName: string;
  description?: string;
  /** Root query fields: one by id, and a list unless a resolver declares its own. */
  singular: string;
  plural: string;
  listDescription: string;
  /** Seed folder file holding the kind's entries. */
  seedFile: string;
  /** Properties beyond the common id, name, aliases, description. */
  properties: Record<string, PropertySpec>;
}

const releaseDate = z
  .string()
  .regex(ISO_DATE_PATTERN, 'must be an ISO date: 2023, 2023-03 or 2023-03-14')
  .refine((d) => d >= '1950' && d <= '2100', 'must be a year from 1950 to 2100');

const openWeights: PropertySpec = { value: z.boolean(), scalar: 'Boolean', claimable: true, filterable: true };

/** When the training data ends, as precise as the source ("知识截止日期是 2021 年 9 月" -> 2021-09). */
const knowledgeCutoff: PropertySpec = {
  value: releaseDate,
  scalar: 'String',
  description: 'Knowledge cut-off: the ISO date the training data ends, as precise as the source (2021-09).',
  claimable: true,
};

const modalities = z.array(z.enum(['text', 'image', 'audio', 'video', 'code'])).min(1);

export const KINDS: Record<EntityType, KindSpec> = {
  [EntityType.MODEL]: {
    label: 'Model',
    typeName: 'Model',
    description: 'A trained language model, with weights (a product built on one is a Product).',
    singular: 'model',
    plural: 'models',
    listDescription: 'Models, filtered and ordered, a page at a time (keyset cursors).',
    seedFile: 'models.json',
    properties: {
      parameters: {
        value: z.number().int().min(1_000).max(1e14),
        scalar: 'Float',
        description: 'Total parameter count, e.g. 175000000000.',
        claimable: true,
        sortable: true,
        filterable: true,
      },
      contextWindow: {
        value: z.number().int().min(16).max(1e8),
        scalar: 'Int',
        description: 'Context window in tokens.',
        claimable: true,
      },
      releaseDate: {
        value: releaseDate,
        scalar: 'String',
        description: 'ISO date, as precise as the source: 2023, 2023-03 or 2023-11-07.',
        claimable: true,
        sortable: true,
        filterable: true,
      },
      openWeights,
      modalities: { value: modalities, scalar: 'StringList', claimable: true },
      trainingTokens: { value: z.number().min(1e6).max(1e15), scalar: 'Float', claimable: true },
      knowledgeCutoff,
    },
  },
  [EntityType.ORGANIZATION]: {
    label: 'Organization',
    typeName: 'Organization',
    singular: 'organization',
    plural: 'organizations',
    listDescription: 'Organizations by name, a page at a time.',
    seedFile: 'organizations.json',
    properties: {
      country: {
        value: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 country code such as US'),
        scalar: 'String',
        description: 'ISO 3166 country code (where the organization is based; a catalogue listing several gives the first).',
        // Cited like any value a source states (Epoch's "Country (from Organization)" column).
        claimable: true,
      },
    },
  },
  [EntityType.TECHNIQUE]: {
    label: 'Technique',
    typeName: 'Technique',
    singular: 'technique',
    plural: 'techniques',
    listDescription: 'Techniques by name, a page at a time.',
    seedFile: 'techniques.json',
    properties: {
      category: {
        value: z.enum(TechniqueCategory),
        scalar: {
          enum: TechniqueCategory,
          name: 'TechniqueCategory',
          description: 'What part of building or running a model a technique concerns.',
        },
        required: true,
      },
    },
  },
  [EntityType.LIMITATION]: {
    label: 'Limitation',
    typeName: 'Limitation',
    singular: 'limitation',
    plural: 'limitations',
    listDescription: 'Limitations by name, a page at a time.',
    seedFile: 'limitations.json',
    properties: {},
  },
  [EntityType.DATASET]: {
    label: 'Dataset',
    typeName: 'Dataset',
    description: 'A corpus models are trained on (from catalogues: Epoch AI, Ecosystem Graphs).',
    singular: 'dataset',
    plural: 'datasets',
    listDescription: 'Datasets by name, a page at a time.',
    seedFile: 'datasets.json',
    properties: {},
  },
  [EntityType.PRODUCT]: {
    label: 'Product',
    typeName: 'Product',
    description: 'What people use: an application, assistant, coding tool, search engine, device or extension, powered by models.',
    singular: 'product',
    plural: 'products',
    listDescription: 'Products by name, a page at a time.',
    seedFile: 'products.json',
    properties: {
      // Not `category`: Technique's category is another enum, and one response name may not carry two types.
      productKind: {
        value: z.enum(ProductKind),
        scalar: { enum: ProductKind, name: 'ProductKind', description: 'What kind of thing people use a product as.' },
        required: true,
      },
      url: { value: z.url({ protocol: /^https?$/ }), scalar: 'String', description: "The product's home page." },
      releaseDate: { value: releaseDate, scalar: 'String', description: 'ISO date of launch, as precise as the source.', claimable: true },
      // A document may state the cut-off of the product it names (ChatGPT) without naming the model behind it.
      knowledgeCutoff,
    },
  },
  [EntityType.SERIES]: {
    label: 'Series',
    typeName: 'ModelSeries',
    description: 'A name for a family of models (LLaMA, Claude, Qwen, GLM): not itself trained; its models are MEMBER_OF it.',
    singular: 'series',
    plural: 'seriesList',
    listDescription: 'Model series by name, a page at a time.',
    seedFile: 'series.json',
    properties: {
      releaseDate: {
        value: releaseDate,
        scalar: 'String',
        description: 'ISO date of the first release, as precise as the source.',
        claimable: true,
      },
      openWeights: {
        value: z.boolean(),
        scalar: 'Boolean',
        claimable: true,
        description: 'A source says the series is open (or closed) as a whole.',
      },
    },
  },
};

export type Direction = 'OUT' | 'IN' | 'BOTH';

export interface FieldSpec {
  name: string;
  description?: string;
}

export interface RelationSpec {
  /** One kind, or several (HAS_LIMITATION starts at a model, a technique or a product). */
  from: EntityType | readonly EntityType[];
  to: EntityType;
  /**
   * The GraphQL field on each `from` kind (outgoing) and on the `to` kind (incoming); one `both` field for
   * symmetric types. With several `from` kinds the incoming side has one field per kind, so every field
   * keeps a concrete type (Limitation.affects stays [Model], Limitation.affectedTechniques is [Technique]).
   */
  outField?: FieldSpec;
  inField?: FieldSpec | Partial<Record<EntityType, FieldSpec>>;
  bothField?: FieldSpec;
  /** Lineage-style links: the relationship carries a required `kind`, and fields return link objects. */
  kind?: { value: z.ZodType; linkType: string };
  /** Writes that would close a cycle are refused (seed validation and curation alike). */
  acyclic?: boolean;
  /**
   * What a catalogue's words become (src/import): the organizations a row names link its entity by the
   * 'maker' relationship of its kind; an untyped dependency (Ecosystem Graphs) becomes the 'dependency'
   * relationship between the kinds at both ends; a family field the 'member' one.
   */
  catalogue?: 'maker' | 'dependency' | 'member';
}

const lineage = { value: z.enum(LineageKind), linkType: 'LineageLink' };

export const RELATIONS: Record<RelationType, RelationSpec> = {
  [RelationType.DEVELOPED_BY]: {
    from: [EntityType.MODEL, EntityType.SERIES],
    to: EntityType.ORGANIZATION,
    outField: { name: 'developers' },
    catalogue: 'maker',
    inField: {
      [EntityType.MODEL]: { name: 'models' },
      [EntityType.SERIES]: { name: 'series', description: 'Model series a source says this organization made.' },
    },
  },
  [RelationType.DERIVED_FROM]: {
    from: EntityType.MODEL,
    to: EntityType.MODEL,
    outField: { name: 'parents', description: 'Models this one derives from.' },
    inField: { name: 'children', description: 'Models derived from this one.' },
    kind: lineage,
    acyclic: true,
    catalogue: 'dependency',
  },
  [RelationType.USES]: {
    // A product can be built with a technique a model is not (Perplexity's retrieval, ChatGPT's plugins).
    from: [EntityType.MODEL, EntityType.PRODUCT],
    to: EntityType.TECHNIQUE,
    outField: { name: 'techniques' },
    inField: {
      [EntityType.MODEL]: { name: 'usedBy' },
      [EntityType.PRODUCT]: { name: 'usedByProducts', description: 'Products a source says are built with this technique.' },
    },
  },
  [RelationType.HAS_LIMITATION]: {
    from: [EntityType.MODEL, EntityType.TECHNIQUE, EntityType.PRODUCT],
    to: EntityType.LIMITATION,
    outField: { name: 'limitations' },
    inField: {
      [EntityType.MODEL]: { name: 'affects', description: 'Models a source says have this limitation.' },
      [EntityType.TECHNIQUE]: { name: 'affectedTechniques', description: 'Techniques a source says have this limitation.' },
      [EntityType.PRODUCT]: { name: 'affectedProducts', description: 'Products a source says have this limitation.' },
    },
  },
  [RelationType.MITIGATES]: {
    from: EntityType.TECHNIQUE,
    to: EntityType.LIMITATION,
    outField: { name: 'mitigates' },
    inField: { name: 'mitigatedBy' },
  },
  [RelationType.BUILDS_ON]: {
    from: EntityType.TECHNIQUE,
    to: EntityType.TECHNIQUE,
    outField: { name: 'buildsOn' },
    inField: { name: 'builtUponBy' },
    acyclic: true,
  },
  [RelationType.COMPETES_WITH]: {
    from: EntityType.MODEL,
    to: EntityType.MODEL,
    bothField: { name: 'competitors', description: 'Models a source sets against this one.' },
  },
  [RelationType.COLLABORATES_WITH]: {
    from: EntityType.ORGANIZATION,
    to: EntityType.ORGANIZATION,
    bothField: { name: 'collaborators' },
  },
  [RelationType.INVESTS_IN]: {
    from: EntityType.ORGANIZATION,
    to: EntityType.ORGANIZATION,
    outField: { name: 'investsIn' },
    inField: { name: 'investors' },
  },
  [RelationType.PROPOSED_BY]: {
    from: EntityType.TECHNIQUE,
    to: EntityType.ORGANIZATION,
    outField: { name: 'proposedBy' },
    inField: { name: 'proposedTechniques' },
  },
  [RelationType.TRAINED_ON]: {
    from: EntityType.MODEL,
    to: EntityType.DATASET,
    outField: { name: 'trainingData', description: 'Datasets this model was trained on.' },
    inField: { name: 'trainedModels', description: 'Models trained on this dataset.' },
    catalogue: 'dependency',
  },
  [RelationType.POWERED_BY]: {
    from: EntityType.PRODUCT,
    to: EntityType.MODEL,
    outField: { name: 'poweredBy', description: 'Models a source says this product is built on.' },
    inField: { name: 'products', description: 'Products a source says are built on this model.' },
    catalogue: 'dependency',
  },
  [RelationType.OFFERED_BY]: {
    from: EntityType.PRODUCT,
    to: EntityType.ORGANIZATION,
    outField: { name: 'offeredBy' },
    inField: { name: 'products' },
    catalogue: 'maker',
  },
  [RelationType.MEMBER_OF]: {
    // Membership, not lineage: a member need not be made from any other member's weights.
    from: EntityType.MODEL,
    to: EntityType.SERIES,
    outField: { name: 'series', description: 'The series a source names this model as part of.' },
    inField: { name: 'members', description: 'Models a source names as part of this series.' },
    catalogue: 'member',
  },
  [RelationType.PART_OF]: {
    // A lab or division and the organization it belongs to (Google DeepMind -> Google): filters and
    // profiles of an organization can include its units.
    from: EntityType.ORGANIZATION,
    to: EntityType.ORGANIZATION,
    outField: { name: 'partOf', description: 'Organizations this one is a lab, division or unit of.' },
    inField: { name: 'units', description: 'Labs, divisions and units of this organization.' },
    acyclic: true,
  },
};

/** The kinds a relationship may start at. */
export const fromKinds = (type: RelationType): EntityType[] => {
  const from = RELATIONS[type].from;
  return typeof from === 'string' ? [from] : [...from];
};

/** The incoming field on the `to` kind for relationships that start at `fromKind`. */
export function inFieldOf(type: RelationType, fromKind: EntityType): FieldSpec | undefined {
  const field = RELATIONS[type].inField;
  if (field === undefined) return undefined;
  return 'name' in field && typeof field.name === 'string'
    ? (field as FieldSpec)
    : (field as Partial<Record<EntityType, FieldSpec>>)[fromKind];
}

/** Properties every entity has, stored on the node under these names. */
export const COMMON_PROPERTIES = ['id', 'name', 'aliases', 'description'] as const;

export const ENTITY_TYPES = Object.values(EntityType);
export const RELATION_TYPES = Object.values(RelationType);

export const propertiesOf = (type: EntityType): Array<[string, PropertySpec]> => Object.entries(KINDS[type].properties);
export const claimableOf = (type: EntityType): string[] =>
  propertiesOf(type)
    .filter(([, p]) => p.claimable)
    .map(([name]) => name);
export const plainPropertiesOf = (type: EntityType): string[] =>
  propertiesOf(type)
    .filter(([, p]) => !p.claimable)
    .map(([name]) => name);
export const acyclicRelations = (): RelationType[] => RELATION_TYPES.filter((type) => RELATIONS[type].acyclic === true);

/** The relationship of `role` (RelationSpec.catalogue) from `from` (to `to`, when given), if the registry has one. */
export const catalogueRelation = (role: RelationSpec['catalogue'], from: EntityType, to?: EntityType): RelationType | undefined =>
  RELATION_TYPES.find(
    (type) => RELATIONS[type].catalogue === role && fromKinds(type).includes(from) && (to === undefined || RELATIONS[type].to === to),
  );
