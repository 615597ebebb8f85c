import { describe, expect, it } from 'vitest';
import { allowedHostSet, checkApiTarget, hostAllowed, sameOrigin } from './guards';

describe('checkApiTarget', () => {
  it.each([
    ['/api/v1/coSpaces', 200],
    ['/API/V1/cospaces?filter=a', 200],
    ['/api/v1', 200],
    ['/api/v1/../v2', 400],
    ['/api/v1/%2e%2e/x', 400],
    ['/api/v1/a%2fb', 400],
    ['/api/v1/a%5cb', 400],
    ['/api/v1/a/./b', 400],
    ['/api/v1/%zz', 400],
    ['http://evil/api/v1/coSpaces', 400],
    ['//evil/api/v1', 400],
    ['*', 400],
    ['/api/v2/coSpaces', 404],
    ['/api', 404],
    ['/api/v10/x', 404],
  ])('%s → %i', (target, status) => {
    const result = checkApiTarget(target);
    expect(result.ok ? 200 : result.status).toBe(status);
  });

  it('keeps the query string as sent', () => {
    expect(checkApiTarget('/api/v1/coSpaces?filter=a%20b&offset=10')).toEqual({ ok: true, path: '/api/v1/coSpaces?filter=a%20b&offset=10' });
  });
});

describe('host and origin checks', () => {
  const hosts = allowedHostSet('127.0.0.1', 8080, ['studio.example.com']);
  it('accepts the names this server answers to, and nothing else', () => {
    for (const h of ['127.0.0.1:8080', 'localhost:8080', 'LOCALHOST:8080', '[::1]:8080', 'studio.example.com']) expect(hostAllowed(h, hosts)).toBe(true);
    for (const h of ['evil.example:8080', '127.0.0.1:9999', undefined]) expect(hostAllowed(h, hosts)).toBe(false);
  });

  it('allows same-origin and origin-less requests, refuses foreign ones', () => {
    expect(sameOrigin({ host: 'localhost:8080', origin: 'http://localhost:8080' }, 'POST')).toBe(true);
    expect(sameOrigin({ host: 'localhost:8080' }, 'POST')).toBe(true);
    expect(sameOrigin({ host: 'localhost:8080', origin: 'https://evil.example' }, 'GET')).toBe(false);
    expect(sameOrigin({ host: 'localhost:8080', origin: 'null' }, 'POST')).toBe(false);
    expect(sameOrigin({ host: 'localhost:8080', referer: 'https://evil.example/x' }, 'DELETE')).toBe(false);
    expect(sameOrigin({ host: 'localhost:8080', referer: 'http://localhost:8080/spaces' }, 'PUT')).toBe(true);
  });
});
