/**
 * @eoffice/domain is reached by its name only: a relative import into the package (or into where the domain
 * used to live, projects/eoffice/src/lib/domain and mis/model) from another project would tie that project
 * to the package's layout and let a second copy grow beside it. Nor do the installer and the local repository
 * reach into the extension's sources (projects/eoffice/src/lib): the queries, request bodies and node mappings
 * their tests share with the extension are the domain's.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '../../..');
const PACKAGE = path.join(ROOT, 'projects/domain');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || full === PACKAGE ? [] : sources(full);
    return /\.(ts|mts|cts|js|mjs|cjs)$/.test(e.name) ? [full] : [];
  });
}

/** Module specifiers of import/export-from statements, dynamic imports and requires. */
function specifiers(text: string): string[] {
  return [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)].map((m) => m[1]);
}

/** A relative specifier that lands in the domain package or in the extension's old domain folders. */
function reachesIntoDomain(spec: string): boolean {
  return /^\.\.?\//.test(spec) && (/(^|\/)domain(\/|$)/.test(spec) || /eoffice\/src\/lib\/(domain|mis\/model)/.test(spec));
}

describe('@eoffice/domain boundary', () => {
  it('no file outside projects/domain imports the domain by a relative path', () => {
    const offenders = sources(path.join(ROOT, 'projects')).flatMap((file) =>
      specifiers(fs.readFileSync(file, 'utf8'))
        .filter(reachesIntoDomain)
        .map((spec) => `${path.relative(ROOT, file)}: ${spec}`)
    );
    assert.deepEqual(offenders, []);
  });

  it('the extension keeps no copy of the domain beside the package', () => {
    for (const old of [
      'projects/eoffice/src/lib/domain',
      'projects/eoffice/src/lib/mis/model',
      'projects/eoffice/src/lib/file/model/file-query.ts',
      'projects/eoffice/src/lib/receipt/model/receipt-query.ts',
      'projects/eoffice/src/lib/receipt/put-in-file/file-search.ts',
      'projects/eoffice/src/lib/search/model',
      'projects/eoffice/src/lib/movement/model'
    ])
      assert.equal(fs.existsSync(path.join(ROOT, old)), false, `${old} should be gone: the modules live in projects/domain/src`);
  });

  it('the installer and the local repository reach no module of the extension by path: what they share with it is the domain', () => {
    const offenders = ['projects/installer', 'projects/repository'].flatMap((dir) =>
      sources(path.join(ROOT, dir)).flatMap((file) =>
        specifiers(fs.readFileSync(file, 'utf8'))
          .filter((spec) => /(^|\/)eoffice\/src\/lib(\/|$)/.test(spec))
          .map((spec) => `${path.relative(ROOT, file)}: ${spec}`)
      )
    );
    assert.deepEqual(offenders, []);
  });

  it('the package imports nothing but itself (framework-free: no Angular, no Node, no other project)', () => {
    // The signing entry point (src/signing) alone reads pkijs and asn1js, which run on WebCrypto in the
    // browser and on Node alike, and pades.ts pdf-lib (loaded when a letter is signed or checked); being an
    // entry point of its own, it reaches the rest of the domain by name.
    const signing = path.join(PACKAGE, 'src', 'signing') + path.sep;
    const outside = sources(path.join(PACKAGE, 'src')).flatMap((file) =>
      specifiers(fs.readFileSync(file, 'utf8'))
        .filter(
          (spec) =>
            !spec.startsWith('./') &&
            !(file.startsWith(signing) && (spec === 'pkijs' || spec === 'asn1js' || spec === 'pdf-lib' || spec === '@eoffice/domain'))
        )
        .map((spec) => `${path.relative(ROOT, file)}: ${spec}`)
    );
    assert.deepEqual(outside, []);
  });
});
