/**
 * The e-File lists (file-query.ts): each list's custody on the department's file series, and the words of the
 * search box matched in the file number (in capitals), a Computer No. range and the subject.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FILE_LISTS, fileQuery, fileSearchQuery } from '@eoffice/domain';
import { excludes, includes } from './text-assert';

describe('fileQuery', () => {
  const posts = ['GROUP_EO_GAD_SO_EST'];
  const SITE = 'eo-gad';
  const FILES = '(TYPE:"eo:file" AND PATH:"/app:company_home/st:sites/cm:eo-gad/cm:documentLibrary/cm:Files/*/*/*")';
  it('Inbox: files the post holds, new or moving, and files whose closing waits for its approval', () => {
    assert.equal(
      fileQuery(SITE, 'inbox', posts),
      `${FILES} AND ((=eo:currentHolder:"GROUP_EO_GAD_SO_EST" AND (=eo:status:"created" OR =eo:status:"inMovement")) OR =eo:approverPost:"GROUP_EO_GAD_SO_EST")`
    );
  });
  it('every list counts only files at their place in the department’s series tree', () => {
    for (const list of FILE_LISTS) assert.equal(fileQuery(SITE, list, posts).startsWith(`${FILES} AND `), true, list);
  });
  it('Link a file searches the same tree, and nothing without words', () => {
    assert.equal(fileSearchQuery(SITE, ' est '), `${FILES} AND (eo:fileNumber:"*EST*" OR eo:subject:"*est*")`);
    assert.equal(fileSearchQuery(SITE, '  '), undefined);
  });
  it('Sent: passed on by the post and now with someone else', () => {
    includes(fileQuery(SITE, 'sent', posts), '=eo:previousHolder:"GROUP_EO_GAD_SO_EST"');
    includes(fileQuery(SITE, 'sent', posts), 'NOT =eo:currentHolder:"GROUP_EO_GAD_SO_EST"');
  });
  it('Parked and Closed', () => {
    includes(fileQuery(SITE, 'parked', posts), '=eo:status:"parked"');
    includes(
      fileQuery(SITE, 'closed', posts),
      '(=eo:currentHolder:"GROUP_EO_GAD_SO_EST" OR =eo:originPost:"GROUP_EO_GAD_SO_EST" OR =eo:closureApprovedBy:"GROUP_EO_GAD_SO_EST")'
    );
  });
  it('an officer without posts sees nothing rather than everything', () => {
    includes(fileQuery(SITE, 'created', []), '=eo:originPost:"-none-"');
  });
  it('search words match number, Computer No. or subject; quotes cannot break out', () => {
    const q = fileQuery(SITE, 'created', posts, 'भर्ती "x');
    includes(q, '(eo:fileNumber:"*भर्ती*" OR eo:subject:"*भर्ती*")');
    includes(q, 'eo:subject:"*x*"');
  });
  it('looks for a word in capitals in the untokenised file number, which ACS matches case-sensitively', () => {
    const q = fileQuery(SITE, 'created', posts, 'est');
    includes(q, '(eo:fileNumber:"*EST*" OR eo:subject:"*est*")');
  });
  it('finds a Computer No. by its leading digits as a range: a real ACS matches no wildcard on a number', () => {
    includes(fileQuery(SITE, 'created', posts, '2026000123'), 'eo:computerNumber:[2026000123 TO 2026000123]');
    includes(fileQuery(SITE, 'created', posts, '2026'), 'eo:computerNumber:[2026000000 TO 2026999999]');
    assert.doesNotMatch(fileQuery(SITE, 'created', posts, '2026 भर्ती 0123'), /eo:computerNumber:["*]/);
    excludes(fileQuery(SITE, 'created', posts, '0123'), 'eo:computerNumber');
  });
});
