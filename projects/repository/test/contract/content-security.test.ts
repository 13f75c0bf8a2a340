/**
 * Content served to browsers: only ACS's safe list of mimetypes (content.nonAttach.mimetypes) may be served
 * inline; HTML, SVG and everything else an officer uploads comes as an attachment, through every content
 * endpoint (node, version, shared link), and no response lets the browser sniff a type.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { SharedlinksApi, UploadApi, type AlfrescoApi } from '@alfresco/js-api';
import { API, useTestRepository, type RawResponse } from '../support/test-repository';

const HOSTILE = {
  'notice.html': { type: 'text/html', text: '<script>localStorage.getItem("ticket-ECM")</script>' },
  'emblem.svg': { type: 'image/svg+xml', text: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>' }
};

async function upload(api: AlfrescoApi, name: string, text: string, type: string): Promise<string> {
  const entry = await new UploadApi(api).uploadFile(new File([text], name, { type }), '', '-my-');
  return entry.entry.id;
}

function assertAttachment(res: RawResponse, name: string, where: string) {
  assert.equal(res.status, 200, where);
  assert.match(res.headers.get('content-disposition') ?? '', new RegExp(`^attachment; filename="${name.replace('.', '\\.')}"`), where);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff', where);
}

describe('content security', () => {
  const repo = useTestRepository();
  let api: AlfrescoApi;

  before(async () => {
    // ACS answers POST /shared-links with 201 (declared 200): see test/api/shared-links.test.ts.
    repo().recorder.ignore((e) => e.method === 'POST' && /\/shared-links$/.test(new URL(e.url).pathname) && e.status === 201);
    repo().recorder.ignore((e) => e.method === 'HEAD'); // HEAD is not an operation of the definitions
    await repo().createUser('cs.officer', { firstName: 'Ravi', lastName: 'Kumar' });
    api = await repo().api('cs.officer', 'cs.officer');
  });

  for (const [name, { type, text }] of Object.entries(HOSTILE)) {
    it(`an officer's ${name} comes as an attachment with nosniff, even with attachment=false`, async () => {
      const id = await upload(api, name, text, type);
      const auth: [string, string] = ['cs.officer', 'cs.officer'];
      const node = await repo().request('GET', `${API.core}/nodes/${id}/content`, { auth, query: { attachment: false } });
      assert.match(node.headers.get('content-type') ?? '', new RegExp(`^${type.replace('+', '\\+')}`));
      assertAttachment(node, name, 'node content');
      assertAttachment(
        await repo().request('HEAD', `${API.core}/nodes/${id}/content`, { auth, query: { attachment: false } }),
        name,
        'HEAD'
      );
      const version = await repo().request('GET', `${API.core}/nodes/${id}/versions/1.0/content`, { auth, query: { attachment: false } });
      assertAttachment(version, name, 'version content');

      const link = await new SharedlinksApi(api).createSharedLink({ nodeId: id });
      const shared = await repo().request('GET', `${API.core}/shared-links/${link.entry.id}/content`, {
        auth: null,
        query: { attachment: false }
      });
      assertAttachment(shared, name, 'shared-link content');
      assert.equal(String(shared.body), text);
    });
  }

  it('plain text is not on the safe list either: attachment=false is ignored', async () => {
    const id = await upload(api, 'note.txt', 'just text', 'text/plain');
    const res = await repo().request('GET', `${API.core}/nodes/${id}/content`, {
      auth: ['cs.officer', 'cs.officer'],
      query: { attachment: false }
    });
    assertAttachment(res, 'note.txt', 'text/plain');
  });

  it('PDF and raster images are served inline when asked, still with nosniff', async () => {
    const pdf = await upload(api, 'letter.pdf', '%PDF-1.4\n%%EOF\n', 'application/pdf');
    const png = await upload(api, 'stamp.png', '\x89PNG\r\n', 'image/png');
    for (const [id, name] of [
      [pdf, 'letter.pdf'],
      [png, 'stamp.png']
    ]) {
      const inline = await repo().request('GET', `${API.core}/nodes/${id}/content`, {
        auth: ['cs.officer', 'cs.officer'],
        query: { attachment: false }
      });
      assert.match(inline.headers.get('content-disposition') ?? '', new RegExp(`^inline; filename="${name.replace('.', '\\.')}"`));
      assert.equal(inline.headers.get('x-content-type-options'), 'nosniff');
      // attachment is the default, as in ACS
      assertAttachment(
        await repo().request('GET', `${API.core}/nodes/${id}/content`, { auth: ['cs.officer', 'cs.officer'] }),
        name,
        'default'
      );
    }
  });

  it('JSON answers and errors carry nosniff too', async () => {
    const ok = await repo().request('GET', `${API.core}/nodes/-my-`, { auth: ['cs.officer', 'cs.officer'] });
    assert.equal(ok.headers.get('x-content-type-options'), 'nosniff');
    const missing = await repo().request('GET', `${API.core}/nodes/no-such-node`, { auth: ['cs.officer', 'cs.officer'] });
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('x-content-type-options'), 'nosniff');
  });
});
