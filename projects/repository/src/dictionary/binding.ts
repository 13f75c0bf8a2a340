// ACS reads dictionary XML through a JiBX binding (data-model/src/main/java/org/alfresco/repo/dictionary/
// m2binding.xml, used by M2Model.createModel). JiBX unmarshals each structure in the order the binding lists
// its children: an element out of that order, an element the binding does not know, a second copy of a single
// element or a missing required element or attribute all fail the whole model with
// DictionaryException "Failed to parse model" (d_dictionary.model.err.parse.failure). Alfresco's published
// modelSchema.xsd is close but not the same (it allows <encrypted>, the binding does not; the binding allows
// <analyserResourceBundleName> on <model>, the schema does not): what ACS activates is what the binding reads,
// so this check follows the binding. The detail after the summary is worded like JiBX's own messages.
import { DictionaryError } from './types';
import { positionOf, scanTags, type Tag } from './xml-tags';

export const DICTIONARY_URI = 'http://www.alfresco.org/model/dictionary/1.0';
export const PARSE_FAILURE = 'Failed to parse model';

/** One element of a structure: its text is a value, or its children follow their own ordered binding. */
interface Element {
  name: string;
  required?: boolean;
  attributes?: string[];
  children?: Particle[];
}
/** A JiBX collection: any number of the listed elements, in any order among themselves. */
interface Collection {
  anyOf: Element[];
}
type Particle = Element | Collection;

const value = (name: string, required = false): Element => ({ name, required });
const optional = (name: string, children: Particle[], attributes?: string[]): Element => ({ name, children, attributes });
const many = (...anyOf: Element[]): Collection => ({ anyOf });

// M2NamedValue: a single <value> or a <list> of them.
const parameter: Element = {
  name: 'parameter',
  attributes: ['name'],
  children: [value('value'), optional('list', [many(value('value'))])]
};
// M2Constraint: name, type and ref are all optional attributes; M2Model.compile checks their combination.
const constraint: Element = { name: 'constraint', children: [value('title'), value('description'), many(parameter)] };
const constraints = optional('constraints', [many(constraint)]);

const property: Element = {
  name: 'property',
  attributes: ['name'],
  children: [
    value('title'),
    value('description'),
    value('type', true),
    value('protected'),
    value('mandatory'),
    value('multiple'),
    value('default'),
    optional(
      'index',
      [value('atomic'), value('stored'), value('tokenised'), value('facetable'), value('analyserResourceBundleName')],
      ['enabled']
    ),
    constraints
  ]
};

// M2ClassAssociation and its two concrete mappings.
const associationEnds: Particle[] = [
  value('title'),
  value('description'),
  optional('source', [value('role'), value('mandatory'), value('many')]),
  { name: 'target', required: true, children: [value('class', true), value('role'), value('mandatory'), value('many')] }
];
const association: Element = { name: 'association', attributes: ['name'], children: associationEnds };
const childAssociation: Element = {
  name: 'child-association',
  attributes: ['name'],
  children: [...associationEnds, value('child-name'), value('duplicate'), value('propagateTimestamps')]
};

// M2Class, shared by <type> and <aspect>.
const classChildren: Particle[] = [
  value('title'),
  value('description'),
  value('parent'),
  value('archive'),
  value('includedInSuperTypeQuery'),
  value('analyserResourceBundleName'),
  optional('properties', [many(property)]),
  optional('associations', [many(association, childAssociation)]),
  optional('overrides', [many({ name: 'property', attributes: ['name'], children: [value('mandatory'), value('default'), constraints] })]),
  optional('mandatory-aspects', [many(value('aspect'))])
];

const namespace = (name: string): Element => ({ name, attributes: ['uri', 'prefix'] });

const MODEL: Element = {
  name: 'model',
  attributes: ['name'],
  children: [
    value('description'),
    value('author'),
    value('published'),
    value('version'),
    value('analyserResourceBundleName'),
    optional('imports', [many(namespace('import'))]),
    optional('namespaces', [many(namespace('namespace'))]),
    optional('data-types', [
      many({
        name: 'data-type',
        attributes: ['name'],
        children: [
          value('title'),
          value('description'),
          value('default-analyser-class'),
          value('analyserResourceBundleName'),
          value('java-class', true)
        ]
      })
    ]),
    constraints,
    optional('types', [many({ name: 'type', attributes: ['name'], children: classChildren })]),
    optional('aspects', [many({ name: 'aspect', attributes: ['name'], children: classChildren })])
  ]
};

/** Throws DictionaryError('parseFailure') where ACS's binding would refuse the model XML. */
export function checkBinding(xml: string): void {
  const tags = scanTags(xml);
  let at = 0;

  const fail = (detail: string, tag: Tag | undefined): never => {
    const where = tag ? positionOf(xml, tag.offset) : positionOf(xml, xml.length);
    throw new DictionaryError('parseFailure', `${PARSE_FAILURE}: ${detail} (line ${where.line}, col ${where.col})`);
  };
  const nameOf = (uri: string, local: string) => (uri ? `"{${uri}}${local}"` : `"${local}"`);
  const found = (tag: Tag | undefined) => (tag ? `found ${nameOf(tag.uri, tag.local)} ${tag.kind} tag` : 'found end of document');
  const isStart = (tag: Tag | undefined, name: string) => tag?.kind === 'start' && tag.uri === DICTIONARY_URI && tag.local === name;

  const read = (el: Element): void => {
    const start = tags[at++];
    for (const a of el.attributes ?? []) if (!start.attributes.has(a)) fail(`Missing required attribute "${a}"`, start);
    // A value element holds text only; its children, like its order, are the binding's to decide.
    for (const p of el.children ?? []) {
      if ('anyOf' in p) {
        for (let next = p.anyOf.find((c) => isStart(tags[at], c.name)); next; next = p.anyOf.find((c) => isStart(tags[at], c.name)))
          read(next);
      } else if (isStart(tags[at], p.name)) read(p);
      else if (p.required) fail(`Expected ${nameOf(DICTIONARY_URI, p.name)} start tag, ${found(tags[at])}`, tags[at]);
    }
    const end = tags[at];
    if (end?.kind !== 'end' || end.uri !== DICTIONARY_URI || end.local !== el.name)
      fail(`Expected ${nameOf(DICTIONARY_URI, el.name)} end tag, ${found(end)}`, end);
    at++;
  };

  if (!isStart(tags[0], MODEL.name)) {
    const root = tags[0];
    fail(root ? `No unmarshaller for element ${nameOf(root.uri, root.local)}` : 'No root element', root);
  }
  read(MODEL);
}
