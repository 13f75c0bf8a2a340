/**
 * Each built listener script carries only the helpers it reaches (config/workflow/build.mjs, listenerScript). A
 * helper left out would surface on ACS as a ReferenceError on whichever path first calls it, perhaps one no
 * test walks, so this reads every script of every committed definition the way a linter would: each eo…/EO_…
 * name it uses outside a property access must be declared in that same script (the helpers are all named so;
 * eowf_… names are the process's variables, which Alfresco gives a script as globals), and each eoDomain member
 * it reads must be exported by the domain modules it carries.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';

const DIR = path.resolve(__dirname, '..', '..', '..', '..', 'config', 'workflow');

/** The helper names a script uses that it does not declare. */
function undeclaredHelpers(source: string): string[] {
  const sf = ts.createSourceFile('listener.js', source, ts.ScriptTarget.ES5, true, ts.ScriptKind.JS);
  const declared = new Set<string>();
  const used = new Set<string>();
  const visit = (n: ts.Node): void => {
    if ((ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n)) && n.name) declared.add(n.name.text);
    else if ((ts.isVariableDeclaration(n) || ts.isParameter(n)) && ts.isIdentifier(n.name)) declared.add(n.name.text);
    else if (ts.isIdentifier(n)) {
      const p = n.parent;
      const propertyName =
        (ts.isPropertyAccessExpression(p) && p.name === n) || (ts.isPropertyAssignment(p) && p.name === n) || ts.isLabeledStatement(p);
      if (!propertyName && /^(eo|EO_)/.test(n.text) && !n.text.startsWith('eowf_')) used.add(n.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  const exported = new Set([...source.matchAll(/\bexports\.(\w+) =/g)].map((m) => m[1]));
  const domain = [...source.matchAll(/\beoDomain\.(\w+)/g)].map((m) => `eoDomain.${m[1]}`).filter((n) => !exported.has(n.slice(9)));
  return [...new Set([...[...used].filter((u) => !declared.has(u)), ...domain])].sort();
}

describe('built listener scripts carry every helper they use', () => {
  const definitions = fs.readdirSync(DIR).filter((f) => f.endsWith('.bpmn20.xml'));

  it('finds the definitions and their scripts', () => {
    assert.ok(definitions.includes('eoMovement.bpmn20.xml'));
  });

  for (const file of definitions) {
    it(`${file}: no script uses a helper it does not declare`, () => {
      const scripts = [...fs.readFileSync(path.join(DIR, file), 'utf8').matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)].map((m) => m[1]);
      assert.ok(scripts.length > 0, 'no scripts');
      const missing = scripts.map((s, i) => [i, undeclaredHelpers(s)] as const).filter(([, names]) => names.length);
      assert.deepEqual(missing, [], 'script (CDATA index) → helpers used but not carried');
    });
  }

  it('would notice a helper left out: a script calling eoText without its declaration', () => {
    assert.deepEqual(undeclaredHelpers('function eoOther() { return 1; }\nvar x = eoText(task.name) + eoOther() + o.eoNot + eowf_to;'), [
      'eoText'
    ]);
  });
});
