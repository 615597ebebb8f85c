import { describe, expect, it } from 'vitest';
import { coSpaceSchema } from './schemas';
import { flatten, parseXml } from '../wire/xml';

const read = (xml: string) => coSpaceSchema.safeParse(flatten(parseXml(xml).node));
const issues = (xml: string) => {
  const result = read(xml);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe('values CMS documents as text', () => {
  it('are read as text, also when the element carries attributes', () => {
    const result = read('<coSpace id="x"><name lang="en">Sales &amp; more</name><uri>sales</uri><callId>1234</callId></coSpace>');
    expect(result.success && result.data).toMatchObject({ name: 'Sales & more', uri: 'sales', callId: '1234' });
  });

  it('are refused when they hold markup, so no screen is handed an object to render', () => {
    expect(issues('<coSpace id="x"><name>Evil<b>bold</b></name></coSpace>')).toEqual(['<name> holds markup (<b>) where CMS sends text']);
    expect(issues('<coSpace id="x"><callLegProfile><script>x</script></callLegProfile></coSpace>')).toEqual([
      '<callLegProfile> holds markup (<script>) where CMS sends text',
    ]);
  });

  it('are refused when repeated', () => {
    expect(issues('<coSpace id="x"><uri>a</uri><uri>b</uri></coSpace>')).toEqual(['<uri> appears 2 times where CMS sends one value']);
  });

  it('keep elements the table does not know as they came (a newer CMS may add some)', () => {
    const result = read('<coSpace id="x"><name>A</name><futureThing><part>1</part></futureThing></coSpace>');
    expect(result.success && result.data.futureThing).toEqual({ part: '1' });
  });
});
