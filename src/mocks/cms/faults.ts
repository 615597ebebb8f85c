import { CmsFailure } from './wire';

/**
 * What happens to the Nth write from now (1 = the next POST, PUT or DELETE that passes validation):
 * - `refuse`: CMS refuses it and changes nothing (`status` with `<code />`);
 * - `applyThenReset`: the write takes effect, then the connection drops before any answer;
 * - `applyThenStatus`: the write takes effect, but the answer is `status` (500, 503…) with an empty body;
 * - `applyThenHang`: the write takes effect and no answer ever comes (until the client gives up
 *   or the mock is reset).
 * The three apply-then kinds are the "answer lost" cases a client must reconcile by reading CMS.
 * `failWrite` may also be a list, each fault counting writes from when it was set (distinct `nth`s):
 * a lost answer at one position and a refusal at a later one, in one run.
 */
export type WriteFault =
  /** `kind` may be left out for a refusal: `{ nth, status, code }` */
  | { nth: number; kind?: 'refuse'; status: number; code: string }
  | { nth: number; kind: 'applyThenReset' }
  | { nth: number; kind: 'applyThenStatus'; status: number }
  | { nth: number; kind: 'applyThenHang' };

export interface Faults {
  latencyMs: number;
  /** the next N API requests answer 503 (CMS busy) */
  busy: number;
  failWrite?: WriteFault | WriteFault[];
}

export type FaultsInput = {
  latencyMs?: unknown;
  busy?: unknown;
  failWrite?: unknown;
};

const num = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);

/** Reads the `failWrite` of a POST /mock-cms/faults body (one fault or a list); `{ nth, status, code }` without a kind is a refusal. */
export function parseWriteFaults(raw: unknown): WriteFault | WriteFault[] | null | undefined {
  if (!Array.isArray(raw)) return parseWriteFault(raw);
  return raw.map((one) => {
    const fault = parseWriteFault(one);
    if (!fault) throw new Error('Each failWrite in a list is a fault object.');
    return fault;
  });
}

function parseWriteFault(raw: unknown): WriteFault | null | undefined {
  if (raw === null) return null;
  if (typeof raw !== 'object' || raw === undefined) return undefined;
  const f = raw as Record<string, unknown>;
  const nth = Math.max(1, num(f.nth, 1));
  switch (f.kind ?? 'refuse') {
    case 'refuse':
      return { nth, kind: 'refuse', status: num(f.status, 500), code: typeof f.code === 'string' ? f.code : 'databaseNotReady' };
    case 'applyThenReset':
      return { nth, kind: 'applyThenReset' };
    case 'applyThenStatus':
      return { nth, kind: 'applyThenStatus', status: num(f.status, 500) };
    case 'applyThenHang':
      return { nth, kind: 'applyThenHang' };
    default:
      throw new Error(`Unknown failWrite kind ${String(f.kind)}: use refuse, applyThenReset, applyThenStatus or applyThenHang.`);
  }
}

export function applyFaultsInput(faults: Faults, body: FaultsInput): void {
  if (typeof body.latencyMs === 'number') faults.latencyMs = body.latencyMs;
  if (typeof body.busy === 'number') faults.busy = body.busy;
  const failWrite = parseWriteFaults(body.failWrite);
  if (failWrite === null) delete faults.failWrite;
  else if (failWrite) faults.failWrite = failWrite;
}

export interface WriteGate {
  /**
   * Runs one write that passed validation: `apply` changes the model and answers. A pending write
   * fault on this position refuses it beforehand or replaces the answer afterwards.
   */
  write(apply: () => Response, signal?: AbortSignal): Promise<Response>;
  /** answers every hung write with a dropped connection (reset of the mock) */
  releaseHung(): void;
}

export function createWriteGate(faults: Faults): WriteGate {
  const hung = new Set<() => void>();

  const take = (): WriteFault | undefined => {
    const pending = faults.failWrite;
    if (!pending) return undefined;
    const list = Array.isArray(pending) ? pending : [pending];
    for (const f of list) f.nth -= 1;
    const left = list.filter((f) => f.nth > 0);
    if (left.length === 0) delete faults.failWrite;
    else faults.failWrite = left;
    return list.find((f) => f.nth <= 0);
  };

  const hang = (signal?: AbortSignal) =>
    new Promise<Response>((resolve) => {
      const drop = () => {
        hung.delete(drop);
        resolve(Response.error());
      };
      hung.add(drop);
      signal?.addEventListener('abort', drop, { once: true });
    });

  return {
    async write(apply, signal) {
      const fault = take();
      if (fault && (fault.kind === undefined || fault.kind === 'refuse')) throw new CmsFailure(fault.status, fault.code);
      const answer = apply();
      switch (fault?.kind) {
        case undefined:
        case 'refuse':
          return answer;
        case 'applyThenReset':
          return Response.error();
        case 'applyThenStatus':
          return new Response(null, { status: fault.status });
        case 'applyThenHang':
          return hang(signal);
      }
    },
    releaseHung() {
      for (const drop of [...hung]) drop();
    },
  };
}
