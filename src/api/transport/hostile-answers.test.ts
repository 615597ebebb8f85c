import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PROXY_PROBLEM_HEADER, PROXY_PROBLEM_TYPE, proxyProblem } from '../wire/proxy-problem';
import { createCmsClient, type CmsClientOptions } from './client';
import { CmsError } from './errors';

/** Answers every request with `respond()`; no network, so bodies can be endless, broken or huge. */
function client(respond: () => Response, options: CmsClientOptions = {}) {
  return createCmsClient({ baseUrl: 'http://cms.test', retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 }, fetch: async () => respond(), ...options });
}

async function failure(promise: Promise<unknown>): Promise<CmsError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(CmsError);
  return outcome as CmsError;
}

function endless(pulled: { bytes: number }, breakAfter?: number): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  return new ReadableStream({
    pull(controller) {
      if (breakAfter !== undefined && pulled.bytes >= breakAfter) {
        controller.error(new TypeError('terminated', { cause: new Error('other side closed') }));
        return;
      }
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
}

const item = z.looseObject({ id: z.string() });

describe('answers the studio will not read', () => {
  it('refuses one that announces more than maxAnswerBytes, reading none of it', async () => {
    const pulled = { bytes: 0 };
    const error = await failure(
      client(() => new Response(endless(pulled), { headers: { 'Content-Length': String(50 * 1024 * 1024) } })).request({ method: 'GET', path: 'coSpaces' }),
    );
    expect(error.kind).toBe('badResponse');
    expect(error.message).toBe(
      'The answer to GET /api/v1/coSpaces is 52,428,800 bytes, more than the 8,388,608 bytes the studio reads; no CMS page is that large, so it was not read.',
    );
    expect(pulled.bytes).toBeLessThan(1024 * 1024);
  });

  it('stops reading one without a length at maxAnswerBytes', async () => {
    const pulled = { bytes: 0 };
    const error = await failure(client(() => new Response(endless(pulled)), { maxAnswerBytes: 1024 * 1024 }).request({ method: 'GET', path: 'coSpaces' }));
    expect(error.message).toMatch(/is more than the 1,048,576 bytes the studio reads/);
    expect(pulled.bytes).toBeLessThan(2 * 1024 * 1024);
  });

  it('refuses an absurd total, and believes one up to maxTotal', async () => {
    const page = (total: string) => () => new Response(`<coSpaces total="${total}"><coSpace id="a"/></coSpaces>`);
    expect((await client(page('1000000')).getCollection('coSpaces', { item: 'coSpace', schema: item })).total).toBe(1_000_000);
    const error = await failure(client(page('1000001')).getCollection('coSpaces', { item: 'coSpace', schema: item }));
    expect(error.message).toBe(
      'CMS answered a <coSpaces> with total="1000001", far more than any CMS holds (the studio lists at most 1,000,000), so it was not listed.',
    );
    const huge = await failure(client(page('9'.repeat(400))).getCollection('coSpaces', { item: 'coSpace', schema: item }));
    expect(huge.message).toContain(`total="${'9'.repeat(24)}…"`);
  });
});

describe('answers that break off', () => {
  it('say so, and for a write that CMS may have acted', async () => {
    const read = await failure(client(() => new Response(endless({ bytes: 0 }, 128 * 1024))).request({ method: 'GET', path: 'coSpaces' }));
    expect(read.kind).toBe('truncated');
    expect(read.message).toMatch(/^The answer to GET \/api\/v1\/coSpaces broke off before its end \(terminated \(other side closed\)\)\.$/);
    const write = await failure(client(() => new Response(endless({ bytes: 0 }, 64 * 1024))).update('coSpaces/x', { name: 'n' }));
    expect(write.message).toMatch(/broke off before its end .* CMS may have carried out the PUT; read the object back before trying again\./);
  });
});

describe('the proxy’s own answers', () => {
  const problem = proxyProblem('cms-unreachable', 502, 'Could not reach CMS at https://cms.example:445 (ECONNREFUSED). Check CMS_URL and that CMS is up.');

  it('carry the proxy’s reason as the message and the problem as data', async () => {
    const error = await failure(
      client(() => Response.json(problem, { status: 502, headers: { 'Content-Type': PROXY_PROBLEM_TYPE, [PROXY_PROBLEM_HEADER]: 'cms-unreachable' } })).request({
        method: 'GET',
        path: 'coSpaces',
      }),
    );
    expect(error).toMatchObject({ kind: 'proxy', status: 502, message: problem.detail, problem: { kind: 'cms-unreachable' } });
  });

  it('keep the header’s word when the body is unreadable', async () => {
    const error = await failure(client(() => new Response('Bad gateway', { status: 504, headers: { [PROXY_PROBLEM_HEADER]: 'cms-timeout' } })).request({ method: 'GET', path: 'x' }));
    expect(error).toMatchObject({ kind: 'proxy', status: 504, message: 'CMS did not answer in time.' });
  });
});
