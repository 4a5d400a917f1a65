// The page a front-end on another origin would ship: Apollo Client querying the API. Bundled for the
// browser by tests/browser/cross-origin.test.ts.
import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client';

const MODEL = gql`
  query CrossOriginModel($id: ID!) {
    model(id: $id) {
      id
      name
    }
  }
`;

/** The model's name as Apollo Client reads it from `uri`, or the error it raises. */
async function modelName(uri: string, id: string): Promise<string> {
  const client = new ApolloClient({ link: new HttpLink({ uri }), cache: new InMemoryCache() });
  try {
    const { data } = await client.query<{ model: { name: string } | null }>({ query: MODEL, variables: { id } });
    return data?.model?.name ?? 'no data';
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

(globalThis as unknown as { apolloModelName: typeof modelName }).apolloModelName = modelName;
