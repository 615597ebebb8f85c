import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('runs the mock without CMS_URL', () => {
    expect(loadConfig({}).targets).toBeNull();
    expect(loadConfig({}).port).toBe(8080);
  });

  it('reads one CMS with server-held credentials', () => {
    const config = loadConfig({ CMS_URL: 'https://cms.example:445/', CMS_USER: 'api', CMS_PASSWORD: 'pw' });
    expect(config.targets).toEqual([{ name: 'default', url: 'https://cms.example:445', caSetting: 'CMS_CA_FILE', insecureTls: false, credentials: { user: 'api', password: 'pw' } }]);
  });

  it('explains each mistake by naming the variable', () => {
    expect(() => loadConfig({ CMS_URL: 'cms.example' })).toThrow(ConfigError);
    expect(() => loadConfig({ CMS_URL: 'https://admin:pw@cms.example' })).toThrow(/user name or password/);
    expect(() => loadConfig({ CMS_URL: 'https://cms.example', CMS_USER: 'api' })).toThrow(/CMS_USER\/CMS_PASSWORD/);
    expect(() => loadConfig({ CMS_URL: 'https://cms.example', CMS_CA_FILE: '/nonexistent.pem' })).toThrow(/CMS_CA_FILE/);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('reads a targets file of several clusters', () => {
    const dir = mkdtempSync(join(tmpdir(), 'targets-'));
    const file = join(dir, 'targets.json');
    writeFileSync(file, JSON.stringify({ london: { url: 'https://lon.example' }, paris: { url: 'https://par.example', user: 'u', password: 'p' } }));
    const config = loadConfig({ CMS_TARGETS: file });
    expect(config.targets?.map((t) => [t.name, t.url, t.credentials?.user])).toEqual([
      ['london', 'https://lon.example', undefined],
      ['paris', 'https://par.example', 'u'],
    ]);
    writeFileSync(file, JSON.stringify({ 'bad name!': { url: 'https://x' } }));
    expect(() => loadConfig({ CMS_TARGETS: file })).toThrow(/CMS_TARGETS/);
  });
});
