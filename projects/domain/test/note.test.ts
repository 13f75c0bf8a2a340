/**
 * The note of an e-File's noting portion (note.ts): what a confirmed note's permissions become, and what a
 * note node says of its number, colour, references and signature (its HTML is the extension's, notesheet/).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { confirmedNotePermissions, latestNote, noteFromNode, sortNotes } from '@eoffice/domain';

const ASO_GROUP = 'GROUP_EO_GAD_ASO_EST';

describe('note model', () => {
  it('takes write away from everyone but the author when a note is confirmed, keeping every reader', () => {
    assert.deepEqual(
      confirmedNotePermissions({
        inherited: [
          { authorityId: 'GROUP_B', name: 'Collaborator', accessStatus: 'ALLOWED' },
          { authorityId: 'GROUP_A', name: 'Consumer' },
          { authorityId: 'GROUP_C', name: 'Consumer', accessStatus: 'DENIED' }
        ],
        locallySet: [{ authorityId: 'GROUP_A', name: 'Coordinator', accessStatus: 'ALLOWED' }]
      }),
      {
        isInheritanceEnabled: false,
        locallySet: [
          { authorityId: 'GROUP_A', name: 'Consumer', accessStatus: 'ALLOWED' },
          { authorityId: 'GROUP_B', name: 'Consumer', accessStatus: 'ALLOWED' }
        ]
      }
    );
    assert.deepEqual(confirmedNotePermissions(undefined), { isInheritanceEnabled: false, locallySet: [] });
  });

  it('reads a green, signed note node: number, references as ids, signature; the dates js-api gives as Date as ISO text', () => {
    const note = noteFromNode({
      id: 'n1',
      name: '000002',
      content: { mimeType: 'text/plain' },
      aspectNames: ['eo:signed'],
      allowableOperations: ['delete'],
      createdAt: new Date('2026-11-20T10:00:00.000Z'),
      properties: {
        'eo:noteNumber': 2,
        'eo:noteColour': 'green',
        'eo:noteAuthorPost': ASO_GROUP,
        'eo:noteReferences': ['workspace://SpacesStore/corr-1', 'corr-2'],
        'eo:noteFrozenAt': '2026-11-21T09:00:00.000Z',
        'eo:signedByName': 'Ravi Kumar',
        'eo:signedByDesignation': 'Assistant Section Officer (Establishment)',
        'eo:signedByUser': 'ravi.kumar',
        'eo:signedByPost': ASO_GROUP,
        'eo:signedAt': '2026-11-20T10:15:00.000Z'
      }
    });
    assert.equal(note.number, 2);
    assert.equal(note.colour, 'green');
    assert.deepEqual(note.references, ['corr-1', 'corr-2']);
    assert.equal(note.frozenAt, '2026-11-21T09:00:00.000Z');
    assert.equal(note.createdAt, '2026-11-20T10:00:00.000Z');
    assert.equal(note.mimeType, 'text/plain');
    assert.equal(note.updatable, false);
    assert.deepEqual(note.signature, {
      name: 'Ravi Kumar',
      designation: 'Assistant Section Officer (Establishment)',
      user: 'ravi.kumar',
      post: ASO_GROUP,
      at: '2026-11-20T10:15:00.000Z'
    });
    assert.equal('html' in note, false, 'the text is read and sanitised by the extension');
  });

  it('treats an unknown colour as a draft, takes the number from the name, and puts the latest note last', () => {
    const draft = noteFromNode({ id: 'n7', name: '000007', properties: { 'eo:noteColour': 'pink' } });
    assert.equal(draft.colour, 'yellow');
    assert.equal(draft.number, 7);
    assert.equal(draft.signature, undefined);
    assert.equal(draft.updatable, undefined, 'not asked');
    const notes = [draft, noteFromNode({ id: 'n10', name: '000010' }), noteFromNode({ id: 'n2', name: '000002' })];
    assert.deepEqual(
      sortNotes(notes).map((n) => n.number),
      [2, 7, 10]
    );
    assert.equal(latestNote(notes)?.id, 'n10');
  });
});
