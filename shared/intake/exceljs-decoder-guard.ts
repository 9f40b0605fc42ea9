/**
 * Loaded just before exceljs (see `exceljs.ts`): while exceljs loads, `TextDecoder` decodes in
 * streaming mode by default, so the one decoder exceljs creates at load time keeps a character
 * cut at a chunk boundary for the next chunk instead of turning it into U+FFFD.
 */
const Original = globalThis.TextDecoder;
type DecodeArgs = Parameters<InstanceType<typeof Original>['decode']>;

class StreamingTextDecoder extends Original {
  override decode(input?: DecodeArgs[0], options?: DecodeArgs[1]): string {
    return super.decode(input, { stream: true, ...options });
  }
}

globalThis.TextDecoder = StreamingTextDecoder;

/** Puts the standard TextDecoder back (called once exceljs has loaded). */
export const restoreTextDecoder = (): void => {
  globalThis.TextDecoder = Original;
};
