/**
 * Preferences as ACS writes and reads them outside the v1 API: the remote-api web scripts
 * POST/GET /alfresco/s/api/people/{userid}/preferences (preferences.post.json.js, preferences.get.js over
 * PreferenceServiceImpl) and the `preferenceService` root object of repository scripts
 * (ScriptPreferenceService). Only the person himself or an administrator may read or write them; anyone else
 * gets 401 with the AccessDeniedException message, as the web scripts answer.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { API, useTestRepository } from '../support/test-repository';
import { bpmn, DELEGATE, startProcess, uploadDefinition, wf } from '../workflow/support';

const PREFS = (user: string) => `/alfresco/s/api/people/${user}/preferences`;

describe('preferences web scripts and preferenceService', () => {
  const repo = useTestRepository();
  before(async () => {
    repo().recorder.ignore((e) => /\/alfresco\/(service|s)\//.test(e.url));
    await repo().createUser('asha');
    await repo().createUser('bimal');
  });

  it('a user sets her own preferences: nested objects become dotted names, others are kept; the public API reads them', async () => {
    const first = await repo().request('POST', PREFS('asha'), {
      auth: ['asha', 'asha'],
      body: { locale: 'hi', eoffice: { notices: { mail: 'each' } } }
    });
    assert.equal(first.status, 200);
    const second = await repo().request('POST', PREFS('asha'), { auth: ['asha', 'asha'], body: { 'eoffice.notices.mail': 'daily' } });
    assert.equal(second.status, 200);
    const got = await repo().request('GET', PREFS('asha'), { auth: ['asha', 'asha'] });
    assert.equal(got.status, 200);
    assert.deepEqual(got.body, { eoffice: { notices: { mail: 'daily' } }, locale: 'hi' });
    const filtered = await repo().request('GET', PREFS('asha'), { auth: ['asha', 'asha'], query: { pf: 'eoffice.notices' } });
    assert.deepEqual(filtered.body, { eoffice: { notices: { mail: 'daily' } } });
    const v1 = await repo().request('GET', `${API.core}/people/asha/preferences`, { auth: ['asha', 'asha'] });
    const ids = (v1.body as { list: { entries: { entry: { id: string; value: unknown } }[] } }).list.entries.map((e) => [
      e.entry.id,
      e.entry.value
    ]);
    assert.deepEqual(ids, [
      ['eoffice.notices.mail', 'daily'],
      ['locale', 'hi']
    ]);
  });

  it("another user can neither set nor read someone's preferences (401, AccessDeniedException); an administrator can", async () => {
    const write = await repo().request('POST', PREFS('asha'), { auth: ['bimal', 'bimal'], body: { locale: 'en' } });
    assert.equal(write.status, 401);
    assert.match(
      (write.body as { message: string }).message,
      /AccessDeniedException: The current user bimal does not have sufficient permissions to update the preferences of the user asha/
    );
    const read = await repo().request('GET', PREFS('asha'), { auth: ['bimal', 'bimal'] });
    assert.equal(read.status, 401);
    assert.match((read.body as { message: string }).message, /to get the preferences of the user asha/);
    const still = await repo().request('GET', PREFS('asha'), { auth: ['asha', 'asha'] });
    assert.equal((still.body as { locale: string }).locale, 'hi', 'nothing changed');
    const admin = await repo().request('POST', PREFS('asha'), { body: { digest: true } });
    assert.equal(admin.status, 200);
    assert.equal(((await repo().request('GET', PREFS('asha'))).body as { digest: boolean }).digest, true);
  });

  it('no such person is 404, no credentials 401, a body that is not a JSON object 400, another method 405', async () => {
    const missing = await repo().request('POST', PREFS('nobody'), { body: { locale: 'hi' } });
    assert.equal(missing.status, 404);
    assert.equal((missing.body as { message: string }).message, 'The user nobody could not be found');
    assert.equal((await repo().request('POST', PREFS('asha'), { auth: null, body: { locale: 'hi' } })).status, 401);
    for (const body of ['[1,2]', 'not json', '"hi"']) {
      const bad = await repo().request('POST', PREFS('asha'), { auth: ['asha', 'asha'], body });
      assert.equal(bad.status, 400, body);
      assert.match((bad.body as { message: string }).message, /Unable to parse JSON POST body/);
    }
    assert.equal((await repo().request('PUT', PREFS('asha'), { auth: ['asha', 'asha'], body: {} })).status, 405);
  });

  it("a script reads and writes preferences through preferenceService, as the user it runs as: another's are refused", async () => {
    const script = `
      var mine = preferenceService.getPreferences('bimal');
      execution.setVariable('seen_before', String(mine.locale));
      preferenceService.setPreferences('bimal', { locale: 'hi', eoffice: { notices: { mail: 'daily' } } });
      var after = preferenceService.getPreferences('bimal', 'eoffice');
      execution.setVariable('seen_after', String(after.eoffice.notices.mail) + ',' + String(after.locale));
      execution.setVariable('seen_locale', String(preferenceService.getPreferences('bimal').locale));
      try {
        preferenceService.getPreferences('asha');
        execution.setVariable('seen_other', 'read');
      } catch (e) {
        execution.setVariable('seen_other', String(e.message));
      }
      try {
        preferenceService.setPreferences('asha', { locale: 'en' });
        execution.setVariable('seen_otherSet', 'written');
      } catch (e) {
        execution.setVariable('seen_otherSet', String(e.message));
      }`;
    const xml = bpmn(
      'eoPrefs',
      `<startEvent id="start"/>
      <sequenceFlow id="f1" sourceRef="start" targetRef="s"/>
      <serviceTask id="s" activiti:class="${DELEGATE}"><extensionElements><activiti:field name="script"><activiti:string><![CDATA[${script}]]></activiti:string></activiti:field></extensionElements></serviceTask>
      <sequenceFlow id="f2" sourceRef="s" targetRef="wait"/>
      <userTask id="wait" name="Wait" activiti:assignee="\${initiator.properties.userName}"/>
      <sequenceFlow id="f3" sourceRef="wait" targetRef="end"/>
      <endEvent id="end"/>`
    );
    await uploadDefinition(await repo().api(), 'eoPrefs.bpmn20.xml', xml);
    const bimal = await repo().api('bimal', 'bimal');
    const p = await startProcess(bimal, 'eoPrefs', {});
    const vars = (await wf(bimal, 'GET', `/processes/${p.id}/variables`)).list.entries.map(
      (e: { entry: { name: string; value: unknown } }) => e.entry
    );
    const seen = Object.fromEntries(
      vars.filter((v: { name: string }) => v.name.startsWith('seen_')).map((v: { name: string; value: unknown }) => [v.name, v.value])
    );
    assert.equal(seen.seen_before, 'undefined');
    assert.equal(seen.seen_after, 'daily,undefined', 'the filter keeps the names under it');
    assert.equal(seen.seen_locale, 'hi');
    assert.match(
      String(seen.seen_other),
      /AccessDeniedException: The current user bimal does not have sufficient permissions to get the preferences of the user asha/
    );
    assert.match(String(seen.seen_otherSet), /to update the preferences of the user asha/);
    const asha = await repo().request('GET', PREFS('asha'), { auth: ['asha', 'asha'] });
    assert.notEqual((asha.body as { locale: string }).locale, 'en', "asha's preferences are untouched");
  });
});
