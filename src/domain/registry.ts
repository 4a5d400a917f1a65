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
  OFFERING = 'OFFERING',
  BENCHMARK = 'BENCHMARK',
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
  SERVES = 'SERVES',
  SCORED_ON = 'SCORED_ON',
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

/**
 * Whether a provider serves an offering, as a catalogue states it: LISTED (in the snapshot, no status
 * stated), ALPHA, BETA, DEPRECATED (the catalogue's own statuses), WITHDRAWN (gone from a later snapshot).
 */
export enum OfferingStatus {
  LISTED = 'LISTED',
  ALPHA = 'ALPHA',
  BETA = 'BETA',
  DEPRECATED = 'DEPRECATED',
  WITHDRAWN = 'WITHDRAWN',
}

/** What a benchmark measures, broadly (its description says it precisely). */
export enum BenchmarkArea {
  KNOWLEDGE = 'KNOWLEDGE',
  REASONING = 'REASONING',
  MATHEMATICS = 'MATHEMATICS',
  CODING = 'CODING',
  AGENTS = 'AGENTS',
  LONG_CONTEXT = 'LONG_CONTEXT',
  MULTIMODAL = 'MULTIMODAL',
  LANGUAGE = 'LANGUAGE',
  INSTRUCTION_FOLLOWING = 'INSTRUCTION_FOLLOWING',
  CHAT = 'CHAT',
  WRITING = 'WRITING',
  FACTUALITY = 'FACTUALITY',
}

/**
 * What a benchmark's scores are: a share of items (accuracy, pass@1, % resolved), stated as a fraction or
 * a percentage and normalised to a fraction; or another quantity (Elo, an index, minutes), kept as stated.
 */
export enum BenchmarkScale {
  FRACTION = 'FRACTION',
  POINTS = 'POINTS',
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
/** What a model reads or writes, as a catalogue lists it (models.dev adds pdf: a document it reads whole). */
const ioModalities = z.array(z.enum(['text', 'image', 'audio', 'video', 'code', 'pdf'])).min(1);

const contextWindow: PropertySpec = {
  value: z.number().int().min(16).max(1e8),
  scalar: 'Int',
  description: 'Context window in tokens.',
  claimable: true,
};
const maxOutputTokens: PropertySpec = {
  value: z.number().int().min(1).max(1e8),
  scalar: 'Int',
  description: 'The most tokens one response may hold.',
  claimable: true,
};
/** A capability a catalogue states per model (models.dev): an attribute, not a technique (it says what the model does, not how it was built). */
const capability = (description: string): PropertySpec => ({ value: z.boolean(), scalar: 'Boolean', description, claimable: true });
/** USD per million tokens, as a provider's price list states it. */
const price = (description: string, sortable = false): PropertySpec => ({
  value: z.number().min(0).max(100_000),
  scalar: 'Float',
  description: `${description}, in USD per million tokens.`,
  claimable: true,
  sortable,
});

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
      contextWindow,
      maxOutputTokens,
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
      inputModalities: {
        value: ioModalities,
        scalar: 'StringList',
        description: 'What the model reads (text, image, audio, video, pdf).',
        claimable: true,
      },
      outputModalities: { value: ioModalities, scalar: 'StringList', description: 'What the model writes.', claimable: true },
      reasoning: capability('The model reasons before it answers (a thinking or reasoning mode).'),
      toolCalling: capability('The model calls tools (functions) its caller defines.'),
      structuredOutput: capability('The model answers in a structure (a JSON schema) its caller gives.'),
      attachments: capability('The model takes files (images, documents) attached to a prompt.'),
      links: {
        value: z
          .array(z.url({ protocol: /^https?$/ }))
          .min(1)
          .max(20),
        scalar: 'StringList',
        description: 'Pages a source gives for the model: announcement, model card, paper, weights.',
        claimable: true,
      },
      license: {
        value: z.string().trim().min(1).max(120),
        scalar: 'String',
        description: 'The licence of the weights as a source names it ("MIT", "apache-2.0").',
        claimable: true,
      },
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
  [EntityType.OFFERING]: {
    label: 'Offering',
    typeName: 'Offering',
    description:
      'A provider’s listing of a model (models.dev): its price per million tokens, limits and status, as of a catalogue snapshot. It SERVES the model and is OFFERED_BY the provider.',
    singular: 'offering',
    plural: 'offerings',
    listDescription: 'Offerings, filtered by model or provider, cheapest first, a page at a time.',
    seedFile: 'offerings.json',
    properties: {
      inputPrice: price('Price of input tokens', true),
      outputPrice: price('Price of output tokens', true),
      cacheReadPrice: price('Price of input tokens read from the cache'),
      cacheWritePrice: price('Price of input tokens written to the cache'),
      contextWindow,
      maxOutputTokens,
      status: {
        value: z.enum(OfferingStatus),
        scalar: {
          enum: OfferingStatus,
          name: 'OfferingStatus',
          description: 'Whether a provider serves an offering, as a catalogue states it.',
        },
        description: 'LISTED, ALPHA, BETA or DEPRECATED as the snapshot states; WITHDRAWN when a later snapshot no longer lists it.',
        claimable: true,
        filterable: true,
      },
    },
  },
  [EntityType.BENCHMARK]: {
    label: 'Benchmark',
    typeName: 'Benchmark',
    description:
      'A test models are scored on (MMLU, GPQA Diamond, SWE-bench Verified): what it measures, its metric, whether a higher score is better; its results are `results`.',
    singular: 'benchmark',
    plural: 'benchmarks',
    listDescription: 'Benchmarks by name, a page at a time.',
    seedFile: 'benchmarks.json',
    properties: {
      area: {
        value: z.enum(BenchmarkArea),
        scalar: { enum: BenchmarkArea, name: 'BenchmarkArea', description: 'What a benchmark measures, broadly.' },
        description: 'What it measures, broadly (the description says it precisely).',
      },
      metric: {
        value: z.string().trim().min(1).max(80),
        scalar: 'String',
        description: 'Its headline metric: accuracy, pass@1, % resolved, Elo.',
      },
      higherIsBetter: {
        value: z.boolean(),
        scalar: 'Boolean',
        description: 'A higher score is better (false for an error rate or a cost).',
      },
      scale: {
        value: z.enum(BenchmarkScale),
        scalar: {
          enum: BenchmarkScale,
          name: 'BenchmarkScale',
          description: 'What a benchmark’s scores are: a share of items, or another quantity.',
        },
        description: 'FRACTION: a share of items, normalised to a fraction where a source gives a percentage; POINTS: kept as stated.',
      },
      url: { value: z.url({ protocol: /^https?$/ }), scalar: 'String', description: 'Its paper or home page.' },
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
  /**
   * A relationship that is a statement with values of its own (a benchmark result): one pair may be joined
   * by several, each told apart by its `key` (the source row it comes from) and carrying these properties,
   * validated by the same rules as an entity's. Its fields return `linkType` objects with them. It is a
   * measurement, not structure: traversals, graph measures and degrees leave it out unless asked for it.
   */
  statement?: { linkType: string; description: string; properties: Record<string, PropertySpec> };
}

const lineage = { value: z.enum(LineageKind), linkType: 'LineageLink' };

const text = (max: number) => z.string().trim().min(1).max(max);
const webUrl = z.url({ protocol: /^https?$/ });

/** What one benchmark result states: the score as given and normalised, the setting, who measured it and where. */
const RESULT_PROPERTIES: Record<string, PropertySpec> = {
  score: {
    value: text(40),
    scalar: 'String',
    required: true,
    description: 'The score exactly as the source states it: "77.0%", "0.416", "1350".',
  },
  value: {
    value: z.number().finite(),
    scalar: 'Float',
    required: true,
    description: 'The score normalised: a fraction (0.77) where the benchmark scores a share of items, else the number as stated.',
  },
  metric: { value: text(80), scalar: 'String', description: 'The metric as the source names it ("EM", "pass@1", "% Resolved").' },
  shots: { value: z.number().int().min(0).max(1000), scalar: 'Int', description: 'Examples in the prompt, where stated (0: zero-shot).' },
  benchmarkVersion: {
    value: text(80),
    scalar: 'String',
    description: 'The version or subset of the benchmark scored, where stated ("LiveBench-2024-11-25", "Challenge", "1.0.1").',
  },
  scorer: {
    value: text(120),
    scalar: 'String',
    description: 'How it was scored or run, where stated: the scorer, the method, the agent ("choice", "0-shot CoT", "OpenHands").',
  },
  modelVersion: {
    value: text(120),
    scalar: 'String',
    description: 'The version or configuration of the model scored, as the source names it ("gpt-4o-2024-05-13", "o3-2025-04-16_high").',
  },
  date: { value: releaseDate, scalar: 'String', description: 'When the result was recorded or published, as precise as the source.' },
  selfReported: {
    value: z.boolean(),
    scalar: 'Boolean',
    required: true,
    description:
      'true: the model’s developer reports it; false: someone else measured it (Epoch AI’s runs, a leaderboard, another lab’s paper).',
  },
  measuredBy: { value: text(200), scalar: 'String', description: 'Who measured or published it, as the source names them.' },
  url: { value: webUrl, scalar: 'String', description: 'Where the result is published.' },
  logUrl: { value: webUrl, scalar: 'String', description: 'The full evaluation log, where there is one (Epoch AI’s runs).' },
  stderr: {
    value: z.number().min(0).finite(),
    scalar: 'Float',
    description: 'The standard error the source gives, normalised like the value.',
  },
};

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
    // A product's maker; an offering's provider (models.dev's providers are organizations).
    from: [EntityType.PRODUCT, EntityType.OFFERING],
    to: EntityType.ORGANIZATION,
    outField: { name: 'offeredBy' },
    inField: {
      [EntityType.PRODUCT]: { name: 'products' },
      [EntityType.OFFERING]: { name: 'offerings', description: 'Models this organization serves as a provider (models.dev offerings).' },
    },
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
  [RelationType.SERVES]: {
    from: EntityType.OFFERING,
    to: EntityType.MODEL,
    outField: { name: 'serves', description: 'The model this offering serves.' },
    inField: { name: 'offerings', description: 'Providers’ offerings of this model (the offerings query orders them by price).' },
  },
  [RelationType.SCORED_ON]: {
    from: EntityType.MODEL,
    to: EntityType.BENCHMARK,
    outField: {
      name: 'benchmarks',
      description: 'The model’s benchmark results, by benchmark, each benchmark’s best-ranked result first (`rank` 1).',
    },
    inField: { name: 'results', description: 'Results on this benchmark, by model, each model’s best-ranked result first.' },
    statement: {
      linkType: 'BenchmarkResult',
      description:
        'One result of a model on a benchmark, as one source states it. Several results of one model on one benchmark are all kept and ranked: independently measured over self-reported, then newer over older.',
      properties: RESULT_PROPERTIES,
    },
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
/** The relationships that are statements with values of their own (benchmark results), and the rest: the graph's structure. */
export const isStatement = (type: RelationType): boolean => RELATIONS[type]?.statement !== undefined;
export const STRUCTURAL_RELATIONS: RelationType[] = RELATION_TYPES.filter((type) => !isStatement(type));
/** The kinds the structure joins (an end of a structural relationship); a benchmark is reached by results alone. */
export const STRUCTURAL_KINDS: EntityType[] = ENTITY_TYPES.filter((kind) =>
  STRUCTURAL_RELATIONS.some((type) => fromKinds(type).includes(kind) || RELATIONS[type].to === kind),
);
/** A statement relationship's properties (none for the others). */
export const statementPropertiesOf = (type: RelationType): Array<[string, PropertySpec]> =>
  Object.entries(RELATIONS[type].statement?.properties ?? {});

/** The relationship of `role` (RelationSpec.catalogue) from `from` (to `to`, when given), if the registry has one. */
export const catalogueRelation = (role: RelationSpec['catalogue'], from: EntityType, to?: EntityType): RelationType | undefined =>
  RELATION_TYPES.find(
    (type) => RELATIONS[type].catalogue === role && fromKinds(type).includes(from) && (to === undefined || RELATIONS[type].to === to),
  );
