/**
 * Comments, tags and ratings (the Content App's info drawer: Comments tab, tag chips, likes).
 *
 * Differences from the definitions, following a real ACS (acs-api/README.md):
 * - Comment declares `title` required; ACS comments made through this API have none and ACS leaves
 *   empty fields out.
 * - Rating.myRating is declared a string; ACS answers a boolean for likes and a number for fiveStar.
 * Successful comment and rating answers are therefore checked here against their definitions minus
 * those two points, instead of by the recorder.
 * - Posting a list of tags answers a list (as the operation's description says), while the declared
 *   201 schema is a single entry; such answers are left out of the recorder's check.
 */
import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { CommentsApi, NodesApi, RatingsApi, TagsApi, type AlfrescoApi } from '@alfresco/js-api';
import { definitionViolations, expectError, rejectionOf } from '../support/contract';
import { useTestRepository, entriesOf, pageOf, API } from '../support/test-repository';

async function area(admin: AlfrescoApi, name: string) {
  return (await new NodesApi(admin).createNode('-root-', { name, nodeType: 'cm:folder' })).entry;
}
async function doc(api: AlfrescoApi, parent: string, name: string) {
  return (await new NodesApi(api).createNode(parent, { name, nodeType: 'cm:content' })).entry;
}

describe('comments, tags and ratings', () => {
  const repo = useTestRepository();
  const path = (e: { url: string }) => new URL(e.url).pathname;

  before(() => {
    const isComment = (e: { url: string }) => /\/comments(\/[^/]+)?$/.test(path(e));
    const isRating = (e: { url: string }) => /\/ratings(\/[^/]+)?$/.test(path(e));
    repo().recorder.ignore((e) => e.status < 300 && (isComment(e) || isRating(e)));
    // A list posted answers a list (the operations' descriptions say so; their 201 schema shows one entry).
    repo().recorder.ignore((e) => e.method === 'POST' && e.status === 201 && !!(e.body as { list?: unknown })?.list);
  });
  /** Checks a comment or rating answer against the contract, minus the documented differences. */
  const checkBody = (definition: string, body: unknown) => {
    const problems = definitionViolations('alfresco-core.yaml', definition, body).filter(
      (p) => !/must have required property 'title'|\/myRating must be string/.test(p)
    );
    assert.deepEqual(problems, [], `${definition} breaks the contract`);
  };

  describe('comments', () => {
    it('a Contributor comments (201); the list is newest first with author, dates and rights', async () => {
      await repo().createUser('cm.author', { firstName: 'Anil', lastName: 'Kumar' });
      const admin = await repo().api();
      const space = await area(admin, 'Comment area');
      await repo().grant(space.id, 'cm.author', 'Contributor');
      const file = await doc(admin, space.id, 'letter.txt');
      const comments = new CommentsApi(await repo().api('cm.author', 'cm.author'));
      const first = await comments.createComment(file.id, { content: 'Please examine.' });
      assert.equal(repo().recorder.last()!.status, 201);
      checkBody('CommentEntry', repo().recorder.last()!.body);
      assert.equal(first.entry.content, 'Please examine.');
      assert.equal(first.entry.createdBy.id, 'cm.author');
      assert.equal(first.entry.createdBy.displayName, 'Anil Kumar');
      assert.equal(first.entry.edited, false);
      assert.equal(first.entry.canEdit, true);
      assert.equal(first.entry.canDelete, true);
      await comments.createComment(file.id, { content: 'Second note.' });
      const listed = await comments.listComments(file.id);
      checkBody('CommentPaging', repo().recorder.last()!.body);
      assert.deepEqual(
        entriesOf(listed).map((c) => c.content),
        ['Second note.', 'Please examine.']
      );
      assert.equal(pageOf(listed).totalItems, 2);
      const node = await new NodesApi(admin).getNode(file.id);
      assert.equal(node.entry.properties?.['fm:commentCount'], 2);
    });

    it('a Consumer reads comments but may not add one (403); an unreadable node answers 403', async () => {
      await repo().createUser('cm.reader');
      await repo().createUser('cm.outsider');
      const admin = await repo().api();
      const space = await area(admin, 'Read-only area');
      await repo().grant(space.id, 'cm.reader', 'Consumer', { inherit: false });
      const file = await doc(admin, space.id, 'order.txt');
      await new CommentsApi(admin).createComment(file.id, { content: 'By admin' });
      const reader = new CommentsApi(await repo().api('cm.reader', 'cm.reader'));
      const listed = await reader.listComments(file.id);
      assert.equal(entriesOf(listed)[0].canEdit, false, "the reader cannot edit the admin's comment");
      expectError(await rejectionOf(reader.createComment(file.id, { content: 'Mine' })), 403);
      expectError(await rejectionOf(new CommentsApi(await repo().api('cm.outsider', 'cm.outsider')).listComments(file.id)), 403);
      expectError(await rejectionOf(reader.listComments('no-such-node')), 404);
      expectError(await rejectionOf(new CommentsApi(admin).createComment(file.id, { content: '  ' })), 400);
    });

    it('only the author (or a Coordinator) edits or deletes; editing marks the comment edited', async () => {
      await repo().createUser('cm.one');
      await repo().createUser('cm.two');
      const admin = await repo().api();
      const space = await area(admin, 'Shared comments');
      await repo().grant(space.id, 'cm.one', 'Collaborator');
      await repo().grant(space.id, 'cm.two', 'Collaborator');
      const file = await doc(admin, space.id, 'minutes.txt');
      const one = new CommentsApi(await repo().api('cm.one', 'cm.one'));
      const two = new CommentsApi(await repo().api('cm.two', 'cm.two'));
      const c = (await one.createComment(file.id, { content: 'Draft remark' })).entry;
      expectError(await rejectionOf(two.updateComment(file.id, c.id, { content: 'Hijacked' })), 403);
      expectError(await rejectionOf(two.deleteComment(file.id, c.id)), 403);
      const edited = await one.updateComment(file.id, c.id, { content: 'Final remark' });
      checkBody('CommentEntry', repo().recorder.last()!.body);
      assert.equal(edited.entry.content, 'Final remark');
      assert.equal(edited.entry.edited, true);
      assert.equal(edited.entry.modifiedBy.id, 'cm.one');
      await new CommentsApi(admin).updateComment(file.id, c.id, { content: 'Corrected by admin' });
      expectError(await rejectionOf(one.updateComment(file.id, 'no-such-comment', { content: 'x' })), 404);
      await one.deleteComment(file.id, c.id);
      assert.equal(repo().recorder.last()!.status, 204);
      assert.equal(pageOf(await one.listComments(file.id)).totalItems, 0);
    });

    it('a node locked by someone else cannot be commented on (409)', async () => {
      await repo().createUser('cm.locker');
      await repo().createUser('cm.late');
      const admin = await repo().api();
      const space = await area(admin, 'Locked area');
      await repo().grant(space.id, 'cm.locker', 'Coordinator');
      await repo().grant(space.id, 'cm.late', 'Contributor');
      const file = await doc(admin, space.id, 'locked.txt');
      await new NodesApi(await repo().api('cm.locker', 'cm.locker')).lockNode(file.id, { type: 'ALLOW_OWNER_CHANGES' });
      expectError(
        await rejectionOf(new CommentsApi(await repo().api('cm.late', 'cm.late')).createComment(file.id, { content: 'Too late' })),
        409
      );
    });
  });

  describe('tags', () => {
    it('tags a node (lower-cased, cm:taggable), lists its tags and untags it', async () => {
      await repo().createUser('tg.editor');
      const admin = await repo().api();
      const space = await area(admin, 'Tag area');
      await repo().grant(space.id, 'tg.editor', 'Collaborator');
      const file = await doc(admin, space.id, 'budget.txt');
      const tags = new TagsApi(await repo().api('tg.editor', 'tg.editor'));
      const added = (await tags.createTagForNode(file.id, [{ tag: 'Finance' }, { tag: 'urgent' }])) as any;
      assert.equal(repo().recorder.last()!.status, 201);
      assert.deepEqual(
        entriesOf(added)
          .map((t: any) => t.tag)
          .sort(),
        ['finance', 'urgent']
      );
      const one = await tags.assignTagToNode(file.id, { tag: 'FINANCE' });
      assert.equal(one.entry.tag, 'finance', 'an existing tag is reused whatever its case');
      const onNode = await tags.listTagsForNode(file.id);
      assert.deepEqual(
        entriesOf(onNode).map((t) => t.tag),
        ['finance', 'urgent']
      );
      const node = await new NodesApi(admin).getNode(file.id);
      assert.ok(node.entry.aspectNames?.includes('cm:taggable'));
      assert.equal((node.entry.properties?.['cm:taggable'] as string[]).length, 2);

      const urgent = entriesOf(onNode).find((t) => t.tag === 'urgent')!;
      await tags.deleteTagFromNode(file.id, urgent.id);
      assert.equal(repo().recorder.last()!.status, 204);
      assert.deepEqual(
        entriesOf(await tags.listTagsForNode(file.id)).map((t) => t.tag),
        ['finance']
      );
      expectError(await rejectionOf(tags.deleteTagFromNode(file.id, urgent.id)), 404);
    });

    it('a Consumer cannot tag (403); listing /tags filters with where and counts on request', async () => {
      await repo().createUser('tg.viewer');
      const admin = await repo().api();
      const space = await area(admin, 'Tag count area');
      await repo().grant(space.id, 'tg.viewer', 'Consumer');
      const a = await doc(admin, space.id, 'a.txt');
      const b = await doc(admin, space.id, 'b.txt');
      const adminTags = new TagsApi(admin);
      await adminTags.createTagForNode(a.id, [{ tag: 'circular-2026' }]);
      await adminTags.createTagForNode(b.id, [{ tag: 'circular-2026' }, { tag: 'memo' }]);
      const viewer = new TagsApi(await repo().api('tg.viewer', 'tg.viewer'));
      expectError(await rejectionOf(viewer.createTagForNode(a.id, [{ tag: 'mine' }])), 403);

      // js-api turns tag/matching into where=(tag matches ('circ*')).
      const matching = await viewer.listTags({ tag: 'circ*', matching: true, include: ['count'] });
      assert.deepEqual(
        entriesOf(matching).map((t) => [t.tag, t.count]),
        [['circular-2026', 2]]
      );
      const exact = await viewer.listTags({ tag: 'memo' });
      assert.deepEqual(
        entriesOf(exact).map((t) => t.tag),
        ['memo']
      );
      const named = await repo().request('GET', `${API.core}/tags`, {
        auth: ['tg.viewer', 'tg.viewer'],
        query: { where: "(tag='memo' OR tag in ('circular-2026'))" }
      });
      const namedEntries = (named.body as any).list.entries.map((e: any) => e.entry);
      assert.deepEqual(
        namedEntries.map((t: any) => t.tag),
        ['circular-2026', 'memo']
      );
      assert.equal(namedEntries[0].count, undefined, 'count only when included');
      expectError(
        await repo().request('GET', `${API.core}/tags`, { auth: ['tg.viewer', 'tg.viewer'], query: { where: "(name='memo')" } }),
        400
      );
    });

    it('administrators create, rename and delete tags; others get 403; clashes 409, unknown 404', async () => {
      await repo().createUser('tg.plain');
      const admin = await repo().api();
      const adminTags = new TagsApi(admin);
      const created = (await adminTags.createTags([{ tag: 'Vigilance' }])) as any;
      assert.equal(repo().recorder.last()!.status, 201);
      const tagId = (created.entry ?? entriesOf(created)[0]).id;
      expectError(await rejectionOf(adminTags.createTags([{ tag: 'vigilance' }])), 409);
      const plain = new TagsApi(await repo().api('tg.plain', 'tg.plain'));
      expectError(await rejectionOf(plain.createTags([{ tag: 'other' }])), 403);
      expectError(await rejectionOf(plain.updateTag(tagId, { tag: 'renamed' })), 403);
      expectError(await rejectionOf(plain.deleteTag(tagId)), 403);

      const space = await area(admin, 'Renamed tag area');
      const file = await doc(admin, space.id, 'case.txt');
      await adminTags.assignTagToNode(file.id, { tag: 'vigilance' });
      const renamed = await adminTags.updateTag(tagId, { tag: 'Vigilance-Cases' });
      assert.equal(renamed.entry.tag, 'vigilance-cases');
      assert.equal((await adminTags.getTag(tagId)).entry.tag, 'vigilance-cases');
      assert.deepEqual(
        entriesOf(await adminTags.listTagsForNode(file.id)).map((t) => t.tag),
        ['vigilance-cases']
      );
      await adminTags.deleteTag(tagId);
      assert.equal(repo().recorder.last()!.status, 204);
      expectError(await rejectionOf(adminTags.getTag(tagId)), 404);
      assert.deepEqual(entriesOf(await adminTags.listTagsForNode(file.id)), []);
      const node = await new NodesApi(admin).getNode(file.id);
      assert.ok(!node.entry.aspectNames?.includes('cm:taggable'), 'the last tag gone, the aspect goes');
    });
  });

  describe('ratings', () => {
    it('likes and fiveStar: aggregates, my rating, no self-rating with fiveStar, unlike', async () => {
      await repo().createUser('rt.owner');
      await repo().createUser('rt.fan');
      await repo().createUser('rt.critic');
      const admin = await repo().api();
      const space = await area(admin, 'Rating area');
      for (const u of ['rt.owner', 'rt.fan', 'rt.critic']) await repo().grant(space.id, u, 'Collaborator');
      const owner = await repo().api('rt.owner', 'rt.owner');
      const file = await doc(owner, space.id, 'report.txt');
      const fan = new RatingsApi(await repo().api('rt.fan', 'rt.fan'));
      const critic = new RatingsApi(await repo().api('rt.critic', 'rt.critic'));

      const like = await fan.createRating(file.id, { id: 'likes', myRating: true as any });
      assert.equal(repo().recorder.last()!.status, 201);
      checkBody('RatingEntry', repo().recorder.last()!.body);
      assert.equal(like.entry.aggregate?.numberOfRatings, 1);
      assert.equal(like.entry.myRating as any, true);
      assert.ok(like.entry.ratedAt);
      // The owner may like their own document but not give it stars.
      await new RatingsApi(owner).createRating(file.id, { id: 'likes', myRating: true as any });
      expectError(await rejectionOf(new RatingsApi(owner).createRating(file.id, { id: 'fiveStar', myRating: 5 as any })), 400);
      await fan.createRating(file.id, { id: 'fiveStar', myRating: 5 as any });
      await critic.createRating(file.id, { id: 'fiveStar', myRating: 3 as any });

      const all = await critic.listRatings(file.id);
      checkBody('RatingPaging', repo().recorder.last()!.body);
      const byId = Object.fromEntries(entriesOf(all).map((r) => [r.id, r]));
      assert.deepEqual(Object.keys(byId), ['fiveStar', 'likes']);
      assert.deepEqual({ ...byId.fiveStar.aggregate }, { numberOfRatings: 2, average: 4 });
      assert.equal(byId.fiveStar.myRating as any, 3);
      assert.equal(byId.likes.aggregate?.numberOfRatings, 2);
      assert.equal(byId.likes.myRating, undefined, 'the critic has not liked it');

      await fan.deleteRating(file.id, 'likes');
      assert.equal(repo().recorder.last()!.status, 204);
      assert.equal((await fan.getRating(file.id, 'likes')).entry.aggregate?.numberOfRatings, 1);
      const node = await new NodesApi(admin).getNode(file.id);
      assert.equal(node.entry.properties?.['cm:likesRatingSchemeCount'], 1);

      expectError(await rejectionOf(fan.getRating(file.id, 'thumbs')), 400);
      expectError(await rejectionOf(fan.createRating(file.id, { id: 'fiveStar', myRating: 9 as any })), 400);
      expectError(await rejectionOf(fan.listRatings('no-such-node')), 404);
    });
  });
});
