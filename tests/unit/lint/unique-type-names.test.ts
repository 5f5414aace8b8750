/**
 * One name, one meaning: no two files of lib/ export a type, interface or class of the same name,
 * so a reader (and an auto-import) never picks the wrong one.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

it('every exported type, interface and class name in lib/ is declared once', () => {
  const where = new Map<string, string[]>();
  for (const path of sources(join(ROOT, 'lib'))) {
    for (const [, name] of readFileSync(path, 'utf8').matchAll(
      /^export (?:interface|type|class|abstract class) ([A-Za-z0-9_]+)/gm,
    )) {
      where.set(name!, [...(where.get(name!) ?? []), relative(ROOT, path)]);
    }
  }
  const twice = [...where].filter(([, files]) => files.length > 1);
  expect(twice).toEqual([]);
});
