/**
 * The small XML documents a few services post instead of JSON (Pivotal Tracker's v3 activity),
 * as the JSON-like value integrations read through `Payload`: an element with child elements is an
 * object of them (a repeated child becomes a list), an element with only text is its text
 * (entities decoded, CDATA kept), an empty element is "". Attributes are not kept. The root
 * element is the value itself. Throws on anything that is not well-formed.
 */

export class XmlSyntaxError extends Error {}

type XmlValue = string | { [name: string]: XmlValue | XmlValue[] };

interface Frame {
  name: string;
  children: Map<string, XmlValue[]>;
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
    const hex = name[1].toLowerCase() === 'x';
    const code = parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function valueOf(frame: Frame): XmlValue {
  if (frame.children.size === 0) return frame.text.trim();
  const out: { [name: string]: XmlValue | XmlValue[] } = {};
  for (const [name, values] of frame.children) out[name] = values.length === 1 ? values[0] : values;
  return out;
}

export function parseXml(xml: string): XmlValue {
  const stack: Frame[] = [];
  let root: XmlValue | undefined;
  const token =
    /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<\/\s*([^\s>]+)\s*>|<\s*([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = token.exec(xml)) !== null) {
    consumed = token.lastIndex;
    const [, cdata, closing, opening, , selfClosing, text] = match;
    const top = stack[stack.length - 1];
    if (cdata !== undefined) {
      if (!top) throw new XmlSyntaxError('text outside the root element');
      top.text += cdata;
    } else if (text !== undefined) {
      if (top) top.text += decode(text);
      else if (text.trim()) throw new XmlSyntaxError('text outside the root element');
    } else if (opening !== undefined) {
      if (!top && root !== undefined) throw new XmlSyntaxError('more than one root element');
      const frame: Frame = { name: opening, children: new Map(), text: '' };
      if (selfClosing) close(frame);
      else stack.push(frame);
    } else if (closing !== undefined) {
      const frame = stack.pop();
      if (!frame || frame.name !== closing) throw new XmlSyntaxError(`unexpected </${closing}>`);
      close(frame);
    }
  }
  if (consumed !== xml.length || stack.length > 0 || root === undefined) {
    throw new XmlSyntaxError('not a well-formed XML document');
  }
  return root;

  function close(frame: Frame): void {
    const parent = stack[stack.length - 1];
    const value = valueOf(frame);
    if (!parent) {
      root = value;
      return;
    }
    parent.children.set(frame.name, [...(parent.children.get(frame.name) ?? []), value]);
  }
}
