import { parseXml, XmlSyntaxError } from './xml';

describe('XML payloads', () => {
  it('reads elements as objects, text as strings, repeated children as lists', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<activity>
  <id type="integer">7</id>
  <description>Ada added &quot;Fix &amp; ship&quot;</description>
  <stories type="array"><story><id>1</id></story><story><id>2</id></story></stories>
  <note><![CDATA[<b>bold</b>]]></note>
  <empty/>
</activity>`;
    expect(parseXml(xml)).toEqual({
      id: '7',
      description: 'Ada added "Fix & ship"',
      stories: { story: [{ id: '1' }, { id: '2' }] },
      note: '<b>bold</b>',
      empty: '',
    });
  });

  it.each(['<a><b></a>', '<a>', 'plain text', '<a/><b/>', '<a></a> trailing'])(
    'refuses %j',
    (xml) => {
      expect(() => parseXml(xml)).toThrow(XmlSyntaxError);
    },
  );
});
