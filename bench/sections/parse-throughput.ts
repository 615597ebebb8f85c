import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REQUESTED_BY } from '../../src/api/wire/requested-by';
import { basicAuthHeader } from '../../src/api/transport/credentials';
import { callLegProfileSchema, coSpaceSchema } from '../../src/api/params/schemas';
import { children, flatten, parseXml } from '../../src/api/wire/xml';
import { bytes, count, ms, perSecond, us } from '../format';
import { median, timeLoop } from '../measure';
import { LARGE_MOCK_ARGS, MOCK_CREDENTIALS } from '../mock-pool';
import { BenchFailure, type Row, type Section } from '../section';

const BIG_PAGE_OBJECTS = 1000;
const FIXTURE = join(import.meta.dirname, '../../src/api/fixtures/guide/guest-call-leg-profile.xml');
const GUEST_PROFILE_ID = 'd4bfe12d-68cd-41c0-a671-48395ee170ab';

/** The raw text of one collection page, exactly as the mock serves it. */
async function fetchPage(baseUrl: string, offset: number): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/coSpaces?offset=${offset}`, {
    headers: { Accept: 'text/xml', 'X-Requested-By': REQUESTED_BY, Authorization: basicAuthHeader(MOCK_CREDENTIALS) },
  });
  const text = await response.text();
  if (!response.ok) throw new BenchFailure(`GET /api/v1/coSpaces?offset=${offset} answered ${response.status}.`);
  return text;
}

/** What sits between `<coSpaces total="…">` and `</coSpaces>`. */
function innerItems(page: string): string {
  const open = /<coSpaces\b[^>]*>/.exec(page);
  const close = page.lastIndexOf('</coSpaces>');
  if (open === null || close < 0) throw new BenchFailure(`A coSpaces page did not look like one: ${page.slice(0, 120)}`);
  return page.slice(open.index + open[0].length, close);
}

/** The client's read path for a collection page: parse, pick the items, flatten, validate. */
function readSpaces(text: string): number {
  const { node } = parseXml(text);
  let read = 0;
  for (const item of children(node, 'coSpace')) {
    coSpaceSchema.parse(flatten(item));
    read++;
  }
  return read;
}

function readGuestProfile(text: string): string | undefined {
  return callLegProfileSchema.parse(flatten(parseXml(text).node)).id;
}

export const parseThroughput: Section = {
  name: 'parse',
  title: 'Parse throughput',
  note: 'parseXml + children + flatten + schema.parse per object; iterations sized to ~250 ms per sample, median of 5 samples',
  async run({ mock, progress }) {
    const { url } = await mock(LARGE_MOCK_ARGS);

    progress('fetching pages from the mock');
    const small = await fetchPage(url, 0);
    const pageSize = readSpaces(small);
    if (pageSize === 0) throw new BenchFailure('The first coSpaces page is empty.');
    const offsets = Array.from({ length: Math.ceil(BIG_PAGE_OBJECTS / pageSize) }, (_, i) => i * pageSize);
    const pages = await Promise.all(offsets.map((offset) => (offset === 0 ? small : fetchPage(url, offset))));
    const big = `<?xml version="1.0"?><coSpaces total="${BIG_PAGE_OBJECTS}">${pages.map(innerItems).join('')}</coSpaces>`;
    const bigSize = readSpaces(big);
    if (bigSize !== BIG_PAGE_OBJECTS) throw new BenchFailure(`The ${BIG_PAGE_OBJECTS}-object document parsed to ${bigSize} objects.`);

    const fixture = readFileSync(FIXTURE, 'utf8');
    const fixtureId = readGuestProfile(fixture);
    if (fixtureId !== GUEST_PROFILE_ID) throw new BenchFailure(`The guide fixture parsed to id ${fixtureId}, expected ${GUEST_PROFILE_ID}.`);

    const cases: Array<{ name: string; text: string; objects: number; read: (text: string) => unknown }> = [
      { name: `coSpaces page, ${pageSize} objects`, text: small, objects: pageSize, read: readSpaces },
      { name: `coSpaces document, ${bigSize} objects`, text: big, objects: bigSize, read: readSpaces },
      { name: 'callLegProfile guide fixture', text: fixture, objects: 1, read: readGuestProfile },
    ];

    const rows: Row[] = [];
    for (const { name, text, objects, read } of cases) {
      progress(name);
      const timing = timeLoop(() => read(text));
      const perDoc = median(timing.perCallMs);
      rows.push({
        name,
        size: bytes(Buffer.byteLength(text)),
        iterations: `${count(timing.iterations)} × ${timing.perCallMs.length}`,
        'per document': perDoc < 1 ? us(perDoc) : ms(perDoc),
        'per object': us(perDoc / objects),
        'objects/s': perSecond(objects, perDoc),
      });
    }
    return rows;
  },
};
