// A minimal pull scanner over well-formed XML (the caller has already checked well-formedness) that yields
// only start and end tags, in document order, with namespace-resolved names and their offsets. The binding
// check needs exactly that: element order and names, which a tree-building parser throws away.

export interface Tag {
  kind: 'start' | 'end';
  /** Namespace URI the element's prefix (or the default namespace) resolves to; '' when none. */
  uri: string;
  local: string;
  /** Attributes without a prefix, by name (values left raw: only their presence matters here). */
  attributes: Map<string, string>;
  /** Offset of the tag's '<' in the source. */
  offset: number;
}

const NAME_END = /[\s/>]/;

export function scanTags(xml: string): Tag[] {
  const tags: Tag[] = [];
  const scopes: Map<string, string>[] = [new Map([['xml', 'http://www.w3.org/XML/1998/namespace']])];
  const resolve = (prefix: string): string => {
    for (let i = scopes.length - 1; i >= 0; i--) {
      const uri = scopes[i].get(prefix);
      if (uri !== undefined) return uri;
    }
    return '';
  };
  const split = (qname: string): [string, string] => {
    const i = qname.indexOf(':');
    return i < 0 ? ['', qname] : [qname.slice(0, i), qname.slice(i + 1)];
  };

  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) break;
    if (xml.startsWith('<!--', lt)) i = skipPast(xml, lt, '-->');
    else if (xml.startsWith('<![CDATA[', lt)) i = skipPast(xml, lt, ']]>');
    else if (xml.startsWith('<?', lt)) i = skipPast(xml, lt, '?>');
    else if (xml.startsWith('<!', lt)) i = skipDoctype(xml, lt);
    else if (xml.startsWith('</', lt)) {
      const gt = xml.indexOf('>', lt);
      const [prefix, local] = split(xml.slice(lt + 2, gt).trim());
      tags.push({ kind: 'end', uri: resolve(prefix), local, attributes: new Map(), offset: lt });
      scopes.pop();
      i = gt + 1;
    } else {
      let j = lt + 1;
      while (j < xml.length && !NAME_END.test(xml[j])) j++;
      const qname = xml.slice(lt + 1, j);
      const raw = new Map<string, string>();
      for (;;) {
        while (/\s/.test(xml[j])) j++;
        if (xml[j] === '>' || xml[j] === '/') break;
        const eq = xml.indexOf('=', j);
        const name = xml.slice(j, eq).trim();
        let q = eq + 1;
        while (/\s/.test(xml[q])) q++;
        const close = xml.indexOf(xml[q], q + 1);
        raw.set(name, xml.slice(q + 1, close));
        j = close + 1;
      }
      const selfClosing = xml[j] === '/';
      const scope = new Map<string, string>();
      const attributes = new Map<string, string>();
      for (const [name, value] of raw) {
        if (name === 'xmlns') scope.set('', value);
        else if (name.startsWith('xmlns:')) scope.set(name.slice(6), value);
        else if (!name.includes(':')) attributes.set(name, value);
      }
      scopes.push(scope);
      const [prefix, local] = split(qname);
      const uri = resolve(prefix);
      tags.push({ kind: 'start', uri, local, attributes, offset: lt });
      if (selfClosing) {
        tags.push({ kind: 'end', uri, local, attributes: new Map(), offset: lt });
        scopes.pop();
      }
      i = xml.indexOf('>', j) + 1;
    }
  }
  return tags;
}

function skipPast(xml: string, from: number, end: string): number {
  const at = xml.indexOf(end, from);
  return at < 0 ? xml.length : at + end.length;
}

// <!DOCTYPE ...> may carry an internal subset in brackets, which itself holds '>' characters.
function skipDoctype(xml: string, from: number): number {
  const gt = xml.indexOf('>', from);
  const bracket = xml.indexOf('[', from);
  if (bracket < 0 || bracket > gt) return gt + 1;
  return skipPast(xml, xml.indexOf(']', bracket), '>');
}

/** 1-based line and column of an offset, as XML parsers report positions. */
export function positionOf(xml: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = xml.indexOf('\n'); k >= 0 && k < offset; k = xml.indexOf('\n', k + 1)) {
    line++;
    lineStart = k + 1;
  }
  return { line, col: offset - lineStart + 1 };
}
