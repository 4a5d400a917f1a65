/** What the HTTP layer and the cache-policy plugin share about one request, carried by its context object. */
export interface CacheState {
  /** The data version read before the request ran; its answer is valid for this version. */
  version: number | undefined;
  /** Set by the plugin: a query answered without errors, so the answer may be kept. */
  storable: boolean;
}

// A symbol-keyed property rather than a WeakMap: Apollo hands plugins a shallow copy of the
// context, which copies the property (and so shares the one state object) but is a different key.
const STATE = Symbol('cacheState');

type Carrier = { [STATE]?: CacheState };

export const cacheState = {
  attach(context: object, version: number | undefined): void {
    (context as Carrier)[STATE] = { version, storable: false };
  },
  of(context: object): CacheState | undefined {
    return (context as Carrier)[STATE];
  },
};
