import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from './fixtures';

// What must never ship: the Intuit client secret (the sandbox's, or one configured for the broker).
const SECRETS = [
  'qbo-sandbox-secret',
  'clientSecret',
  'client_secret=',
  ...(process.env.QBO_CLIENT_SECRET ? [process.env.QBO_CLIENT_SECRET] : []),
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

for (const build of ['chrome-mv3', 'chrome-mv3-test']) {
  test.describe(`the ${build} build`, () => {
    const dir = join(ROOT, '.output', build);
    test.skip(!existsSync(dir), `${build} was not built`);

    test('contains no client secret', () => {
      const found = files(dir).flatMap((path) => {
        const text = readFileSync(path, 'latin1');
        return SECRETS.filter((secret) => text.includes(secret)).map((secret) => `${path}: ${secret}`);
      });
      expect(found).toEqual([]);
    });

    test('keeps a Content Security Policy no looser than the default and a fixed id', () => {
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      const csp: string = manifest.content_security_policy?.extension_pages ?? "script-src 'self'; object-src 'self';";
      expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
      expect(manifest.key).toBeTruthy();
      expect(manifest.externally_connectable).toBeUndefined();
    });
  });
}

test('the production build has no way to open the manager’s shadow roots (the e2e hook is compiled away)', () => {
  const dir = join(ROOT, '.output/chrome-mv3');
  test.skip(!existsSync(dir), 'chrome-mv3 was not built');
  const scripts = files(join(dir, 'content-scripts')).filter((path) => path.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  for (const path of scripts) {
    const text = readFileSync(path, 'utf8');
    expect(text, path).not.toContain('e2e:shadowMode');
    expect(text, path).not.toMatch(/mode:\s*"open"|mode:"open"/);
  }
});

test('the production build reaches no local sandbox', () => {
  const dir = join(ROOT, '.output/chrome-mv3');
  test.skip(!existsSync(dir), 'production build missing');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const patterns = [
    ...manifest.host_permissions,
    ...manifest.content_scripts.flatMap((c: { matches: string[] }) => c.matches),
  ];
  expect(patterns.filter((p: string) => p.includes('127.0.0.1') || p.includes('localhost'))).toEqual([]);
});
