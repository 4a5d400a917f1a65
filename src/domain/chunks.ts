/**
 * Consecutive runs of at most `size` items (the last may be shorter) from any iterable: an array, or a
 * Map's entries without spreading them into one array first.
 */
export function* chunks<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let chunk: T[] = [];
  for (const item of items) {
    chunk.push(item);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}
