/**
 * Discovery API: repository edition, version, status and modules.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiscoveryApi } from '@alfresco/js-api';
import { expectError } from '../support/contract';
import { API, useTestRepository } from '../support/test-repository';

describe('discovery API', () => {
  const repo = useTestRepository();

  it('describes the repository (edition, version, status)', async () => {
    const info = await new DiscoveryApi(await repo().api()).getRepositoryInformation();
    const repository = info.entry.repository;
    assert.ok(repository.edition, 'edition is set');
    assert.match(repository.version.major, /^\d+$/);
    assert.match(repository.version.minor, /^\d+$/);
    assert.match(repository.version.patch, /^\d+$/);
    assert.ok(repository.version.display.startsWith(`${repository.version.major}.${repository.version.minor}`), repository.version.display);
    assert.equal(typeof repository.status.isReadOnly, 'boolean');
    assert.equal(repository.status.isReadOnly, false);
    // ADF reads modules to detect installed extensions; an empty list is fine but it must be a list.
    assert.ok(Array.isArray(repository.modules ?? []));
  });

  it('answers a non-admin user as well', async () => {
    await repo().createUser('disco.user');
    const info = await new DiscoveryApi(await repo().api('disco.user', 'disco.user')).getRepositoryInformation();
    assert.ok(info.entry.repository.version.major);
  });

  it('requires authentication (401 with the Error envelope)', async () => {
    expectError(await repo().request('GET', API.discovery, { auth: null }), 401);
  });
});
