import { describe, expect, it } from 'vitest';
import { buildXml, children, flatten, parseXml } from './xml';

describe('buildXml', () => {
  it('writes empty elements self-closing, as the blueprint does', () => {
    expect(buildXml('accessMethod', { attributes: { id: 'a' }, children: [['uri', 'am1.space'], ['passcode', '']] })).toBe(
      '<?xml version="1.0"?><accessMethod id="a"><uri>am1.space</uri><passcode/></accessMethod>',
    );
    expect(buildXml('callBridges', { attributes: { total: 0 } })).toBe('<?xml version="1.0"?><callBridges total="0"/>');
  });

  it('writes failure details with the space CMS puts before />', () => {
    expect(buildXml('failureDetails', { children: [['accessMethodDoesNotExist', {}]] }, { selfClose: ' />' })).toBe(
      '<?xml version="1.0"?><failureDetails><accessMethodDoesNotExist /></failureDetails>',
    );
  });

  it('escapes text and attribute values', () => {
    expect(buildXml('x', { attributes: { a: '"<&>' }, children: [['name', 'A & B <c>']] })).toBe(
      '<?xml version="1.0"?><x a="&quot;&lt;&amp;&gt;"><name>A &amp; B &lt;c&gt;</name></x>',
    );
    expect(flatten(parseXml(buildXml('x', { children: [['name', 'A & B <c>']] })).node).name).toBe('A & B <c>');
  });
});

describe('parseXml is indifferent to the two spellings of an empty element', () => {
  it.each([
    ['<accessMethod id="a"><passcode/></accessMethod>'],
    ['<accessMethod id="a"><passcode /></accessMethod>'],
    ['<accessMethod id="a"><passcode></passcode></accessMethod>'],
  ])('%s', (text) => {
    expect(flatten(parseXml(text).node)).toEqual({ id: 'a', passcode: '' });
  });

  it('reads an empty collection written either way as no items', () => {
    for (const text of ['<callBridges total="0"/>', '<callBridges total="0"></callBridges>']) {
      const doc = parseXml(text);
      expect(flatten(doc.node).total).toBe('0');
      expect(children(doc.node, 'callBridge')).toEqual([]);
    }
  });
});
