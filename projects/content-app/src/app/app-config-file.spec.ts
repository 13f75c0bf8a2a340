import config from '../app.config.json';

describe('app.config.json', () => {
  it('talks to the repository on the same origin, which proxies /alfresco', () => {
    expect(config.ecmHost).toBe('{protocol}//{hostname}{:port}');
    expect(config.providers).toBe('ECM');
    expect(config.authType).toBe('BASIC');
  });

  it('offers English and Hindi in the language picker', () => {
    expect(config.languages.map((language) => language.key)).toEqual(['en', 'hi']);
    expect(config.languages.find((language) => language.key === 'hi')?.label).toBe('हिन्दी');
  });

  it('keeps the Content App features that need servers we do not run switched off', () => {
    expect(config.plugins.aosPlugin).toBeFalse();
    expect(config.plugins.knowledgeRetrievalEnabled).toBeFalse();
    expect(config.plugins.contentService).toBeTrue();
  });
});
