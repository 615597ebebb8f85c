import { describe, expect, it } from 'vitest';
import { buildXml, children, flatten, parseXml, XmlFormatError } from './xml';

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

describe('parseXml reads CMS answers in one conforming pass', () => {
  it('gives text for a plain element, attributes and #text for one with attributes, arrays for repeated names', () => {
    expect(parseXml('<a><b>1</b><b>2</b><c/><d id="q">text</d></a>').node).toEqual({ b: ['1', '2'], c: '', d: { '@_id': 'q', '#text': 'text' } });
  });

  it('decodes entities and CDATA, ignores the declaration, comments and layout whitespace', () => {
    const doc = parseXml('<?xml version="1.0"?>\n<coSpace id="x">\n  <!-- note -->\n  <name>A &amp; B &#60;c&gt;</name>\n  <uri><![CDATA[<u>]]></uri>\n</coSpace>');
    expect(doc.root).toBe('coSpace');
    expect(flatten(doc.node)).toEqual({ id: 'x', name: 'A & B <c>', uri: '<u>' });
  });

  it.each([
    ['<a/><b/>', /line 1, column \d+\): documents may contain only one root/],
    ['<a>x</a>y', /text data outside of root node/],
    ['<a x="1" x="2"/>', /duplicate attribute: x/],
    ['<coSpace><name>x</coSpace>', /line 1, column \d+\): unexpected close tag/],
    ['<a>&foo;</a>', /undefined entity/],
    ['', /document must contain a root element/],
    ['<coSpaces total="3"><coSpace id="x">', /not well-formed XML/],
  ])('refuses %j, saying where and why', (text, reason) => {
    expect(() => parseXml(text)).toThrow(XmlFormatError);
    expect(() => parseXml(text)).toThrow(reason);
  });

  it('refuses a DTD before parsing it', () => {
    expect(() => parseXml('<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>')).toThrow(/DTD or entity declaration/);
  });

  it('keeps an element named __proto__ as a plain key, never as the prototype', () => {
    const node = parseXml('<a><__proto__><polluted>yes</polluted></__proto__></a>').node;
    expect(Object.getPrototypeOf(node)).toBe(Object.prototype);
    expect(Object.hasOwn(node as object, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
