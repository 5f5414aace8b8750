import { describe, expect, it } from 'vitest';
import { configFromEnv, endpointsOf, INTUIT_ENDPOINTS } from '@/server/index';

const base = {
  QBO_CLIENT_ID: 'id',
  QBO_CLIENT_SECRET: 'very-secret',
  BROKER_ALLOWED_ORIGINS: 'chrome-extension://abc, chrome-extension://def',
};

describe('configFromEnv', () => {
  it('reads defaults: sandbox keys, 127.0.0.1:8730, Intuit endpoints', () => {
    const config = configFromEnv(base);
    expect(config).toMatchObject({
      environment: 'sandbox',
      port: 8730,
      host: '127.0.0.1',
      allowedOrigins: ['chrome-extension://abc', 'chrome-extension://def'],
    });
    expect(endpointsOf(config)).toEqual(INTUIT_ENDPOINTS);
  });

  it('points a custom environment at our sandbox with Intuit paths', () => {
    const config = configFromEnv({ ...base, QBO_ENVIRONMENT: 'custom', QBO_CUSTOM_BASE_URL: 'http://127.0.0.1:4010/' });
    expect(endpointsOf(config)).toEqual({
      token: 'http://127.0.0.1:4010/oauth2/v1/tokens/bearer',
      revoke: 'http://127.0.0.1:4010/v2/oauth2/tokens/revoke',
    });
  });

  it.each([
    [{ ...base, QBO_CLIENT_SECRET: '' }, /clientSecret/],
    [{ ...base, BROKER_ALLOWED_ORIGINS: '' }, /allowedOrigins/],
    [{ ...base, BROKER_ALLOWED_ORIGINS: 'chrome-extension://abc/path' }, /allowedOrigins/],
    [{ ...base, QBO_ENVIRONMENT: 'staging' }, /environment/],
    [{ ...base, QBO_ENVIRONMENT: 'custom' }, /QBO_CUSTOM_BASE_URL/],
    [{ ...base, BROKER_PORT: 'eighty' }, /port/],
  ])('refuses %j, naming the problem but never the secret', (env, problem) => {
    let message = '';
    try {
      configFromEnv(env);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(problem);
    expect(message).not.toContain('very-secret');
  });
});
