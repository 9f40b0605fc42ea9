/** The raw bytes of an uploaded file, counted against the size limit while they stream. */
import { FileRefused, REFUSAL } from './file-refused.ts';

export type ByteSource = AsyncIterable<Uint8Array | string>;

/** Yields the source's bytes; throws FileRefused as soon as more than `maxBytes` have come. */
export async function* limitBytes(source: ByteSource, maxBytes: number): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    total += bytes.length;
    if (total > maxBytes) throw new FileRefused(REFUSAL.tooLarge(maxBytes));
    if (bytes.length > 0) yield bytes;
  }
}

export interface Prefixed {
  /** The first bytes (at least `want` unless the file is shorter). */
  readonly prefix: Buffer;
  /** True when the prefix is the whole file. */
  readonly complete: boolean;
  /** All the bytes again, prefix first, then the rest of the source. */
  readonly bytes: AsyncGenerator<Buffer>;
  /** Closes the source when `bytes` will not be read. */
  readonly close: () => Promise<void>;
}

/** Reads the first `want` bytes to look at, without losing them or buffering the rest. */
export const withPrefix = async (source: AsyncGenerator<Buffer>, want: number): Promise<Prefixed> => {
  const chunks: Buffer[] = [];
  let size = 0;
  let complete = false;
  while (size < want) {
    const next = await source.next();
    if (next.done) {
      complete = true;
      break;
    }
    chunks.push(next.value);
    size += next.value.length;
  }
  const prefix = Buffer.concat(chunks);
  async function* replay(): AsyncGenerator<Buffer> {
    try {
      if (prefix.length > 0) yield prefix;
      if (complete) return;
      yield* source;
    } finally {
      await source.return(undefined);
    }
  }
  const close = async (): Promise<void> => {
    await source.return(undefined);
  };
  return { prefix, complete, bytes: replay(), close };
};
