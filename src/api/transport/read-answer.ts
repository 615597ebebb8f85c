/** A CMS page is at most 20 objects of a few kB; the proxy passes at most the same 8 MiB. */
export const DEFAULT_MAX_ANSWER_BYTES = 8 * 1024 * 1024;

export class AnswerTooLarge extends Error {
  override readonly name = 'AnswerTooLarge';
  constructor(
    /** what the answer announced, when it did */
    readonly declaredBytes: number | undefined,
    readonly limit: number,
  ) {
    super(`The answer is larger than ${limit} bytes.`);
  }
}

/** Cancelling tells the network to stop; waiting for that is not needed (and never ends under some interceptors). */
function stopReading(cancelled: Promise<void> | undefined): void {
  cancelled?.catch(() => undefined);
}

/**
 * Reads an answer's text, refusing one over `limit` bytes without ever holding more than that:
 * a 50 MB answer would otherwise take the tab's heap past a gigabyte before parsing failed.
 */
export async function readAnswerText(response: Response, limit: number): Promise<string> {
  const declared = Number(response.headers.get('Content-Length') ?? Number.NaN);
  if (declared > limit) {
    stopReading(response.body?.cancel());
    throw new AnswerTooLarge(declared, limit);
  }
  // A declared length is enforced by fetch itself, so such an answer can be read natively.
  if (response.body === null || declared <= limit) return response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      stopReading(reader.cancel());
      throw new AnswerTooLarge(undefined, limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
