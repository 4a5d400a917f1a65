import { type ClassType, FieldResolver, Resolver, Root } from 'type-graphql';
import { type CitationPlace, documentUrl, locatorOf } from '../../documents/locate.js';
import { documentText } from '../../documents/store.js';
import { CATALOGUE_SOURCE_PREFIX, formatOfSource } from '../../domain/catalogue-sources.js';
import { AttributeClaim, Citation, Locator, Source } from '../types/citation.type.js';

/** A citation's locator, computed from the text /documents serves (and memoised there), or from its catalogue row. */
function citationResolver(type: ClassType) {
  @Resolver(() => type)
  class CitationLocatorResolver {
    @FieldResolver(() => Locator, {
      nullable: true,
      description: 'Where the quote stands in its source; null for a web page cited by URL.',
    })
    locator(@Root() citation: CitationPlace): Locator | null {
      return locatorOf(citation, documentText);
    }
  }
  Object.defineProperty(CitationLocatorResolver, 'name', { value: `${type.name}LocatorResolver` });
  return CitationLocatorResolver;
}

export const CITATION_RESOLVERS = [citationResolver(Citation), citationResolver(AttributeClaim)];

@Resolver(() => Source)
export class SourceResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'A web source’s address; for a document, where this service serves it (/documents/<file>).',
  })
  url(@Root() source: { url?: string | null; file?: string | null }): string | null {
    if (source.url) return source.url;
    return source.file && documentText(source.file) !== null ? documentUrl(source.file) : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'A catalogue snapshot: the catalogue format it was imported as ("epoch-csv", "models-dev"); null for a document or web page.',
  })
  catalogue(@Root() source: { id: string }): string | null {
    return source.id.startsWith(CATALOGUE_SOURCE_PREFIX) ? formatOfSource(source.id) : null;
  }
}
