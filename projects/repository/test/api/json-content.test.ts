/**
 * PUT /nodes/{nodeId}/content stores the bytes as sent whatever their type: a JSON file (the department's
 * hierarchy.json, which an administrator may rewrite) is not parsed and consumed as a request body.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useTestRepository } from '../support/test-repository';

describe('JSON content through PUT /nodes/{id}/content', () => {
  const repo = useTestRepository();
  const nodes = '/alfresco/api/-default-/public/alfresco/versions/1/nodes';

  it('keeps a JSON file’s bytes and type, and still refuses bad JSON where a request body is JSON', async () => {
    const made = await repo().request('POST', `${nodes}/-my-/children`, { body: { name: 'settings.json', nodeType: 'cm:content' } });
    assert.equal(made.status, 201);
    const id = (made.body as { entry: { id: string } }).entry.id;
    const text = '{\n  "signatures": { "requireSignedNotes": true }\n}\n';
    const put = await repo().request('PUT', `${nodes}/${id}/content`, { body: text, headers: { 'Content-Type': 'application/json' } });
    assert.equal(put.status, 200);
    assert.equal(
      (put.body as { entry: { content: { mimeType: string; sizeInBytes: number } } }).entry.content.sizeInBytes,
      Buffer.byteLength(text)
    );
    const read = await repo().request('GET', `${nodes}/${id}/content`);
    assert.equal(read.status, 200);
    // The harness parses a JSON answer: the stored bytes were the document sent (their size checked above).
    assert.deepEqual(read.body, JSON.parse(text));
    const bad = await repo().request('PUT', `${nodes}/${id}`, { body: '{"name":', headers: { 'Content-Type': 'application/json' } });
    assert.equal(bad.status, 400);
  });
});
