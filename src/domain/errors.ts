/**
 * Errors the domain raises about a request; the GraphQL layer maps them to BAD_USER_INPUT and
 * NOT_FOUND in one place (src/graphql/format-error.ts).
 */
export class InvalidInputError extends Error {
  override name = 'InvalidInputError';
  constructor(
    message: string,
    /** The argument or input path the client must change, e.g. `maxDepth` or `input.citation.quote`. */
    readonly argument?: string,
  ) {
    super(message);
  }
}

export class NotFoundError extends Error {
  override name = 'NotFoundError';
}
