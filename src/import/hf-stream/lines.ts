/** A JSON-lines file line by line, never whole: memory stays flat at any file size. */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export async function* readLines(file: string): AsyncGenerator<{ line: string; number: number }> {
  const input = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let number = 0;
  try {
    for await (const line of lines) {
      number += 1;
      yield { line, number };
    }
  } finally {
    lines.close();
    input.destroy();
  }
}
