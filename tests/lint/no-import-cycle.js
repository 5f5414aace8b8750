// import-x/no-cycle skips type-only imports, but a cycle of types still ties files together: neither
// can be read, moved or split without the other. This rule follows every import, type-only included,
// through .ts and .vue files, resolved as TypeScript resolves them (the tsconfig's aliases).
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const VUE_SCRIPT = /<script\b[^>]*>([\s\S]*?)<\/script>/g;

function loadCompilerOptions(cwd) {
  const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} };
  return ts.getParsedCommandLineOfConfigFile(path.join(cwd, 'tsconfig.json'), {}, host)?.options ?? {};
}

// TypeScript does not resolve `.vue` specifiers, so those go through the tsconfig's `paths` by hand.
function resolveVue(spec, fromFile, options) {
  if (spec.startsWith('.')) return path.resolve(path.dirname(fromFile), spec);
  for (const [pattern, [target]] of Object.entries(options.paths ?? {})) {
    const prefix = pattern.replace(/\*$/, '');
    if (pattern.endsWith('*') && spec.startsWith(prefix) && target) {
      return path.resolve(
        options.pathsBasePath ?? options.baseUrl ?? '',
        target.replace(/\*$/, '') + spec.slice(prefix.length),
      );
    }
  }
  return undefined;
}

function createGraph(cwd) {
  const options = loadCompilerOptions(cwd);
  const inRepo = (file) => !path.relative(cwd, file).startsWith('..') && !file.split(path.sep).includes('node_modules');
  const edges = new Map();

  function resolve(spec, fromFile) {
    const file = spec.endsWith('.vue')
      ? resolveVue(spec, fromFile, options)
      : ts.resolveModuleName(spec, fromFile, options, ts.sys).resolvedModule?.resolvedFileName;
    return file && inRepo(file) && fs.existsSync(file) ? path.resolve(file) : undefined;
  }

  function importsOf(file) {
    const text = fs.readFileSync(file, 'utf8');
    const scripts = file.endsWith('.vue') ? [...text.matchAll(VUE_SCRIPT)].map((m) => m[1]) : [text];
    return scripts.flatMap((script) => ts.preProcessFile(script, true, true).importedFiles.map((f) => f.fileName));
  }

  // Keyed by modification time so an editor's long-lived ESLint sees a file's new imports.
  function depsOf(file) {
    const mtime = fs.statSync(file).mtimeMs;
    const cached = edges.get(file);
    if (cached?.mtime === mtime) return cached.deps;
    const deps = [
      ...new Set(
        importsOf(file)
          .map((spec) => resolve(spec, file))
          .filter(Boolean),
      ),
    ];
    edges.set(file, { mtime, deps });
    return deps;
  }

  // The shortest chain of imports from `start` back to `target`, or undefined when there is none.
  function pathBack(start, target) {
    const previous = new Map([[start, undefined]]);
    const queue = [start];
    for (const file of queue) {
      for (const dep of depsOf(file)) {
        if (previous.has(dep)) continue;
        previous.set(dep, file);
        if (dep === target) {
          const chain = [];
          for (let at = dep; at !== undefined; at = previous.get(at)) chain.unshift(at);
          return chain;
        }
        queue.push(dep);
      }
    }
    return undefined;
  }

  return { resolve, pathBack };
}

const graphs = new Map();

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow import cycles, type-only imports included' },
    schema: [],
    messages: { cycle: 'Import cycle: {{chain}}' },
  },
  create(context) {
    const cwd = context.cwd;
    if (!graphs.has(cwd)) graphs.set(cwd, createGraph(cwd));
    const graph = graphs.get(cwd);
    const self = path.resolve(context.physicalFilename);

    function check(node) {
      if (node.source?.type !== 'Literal' || typeof node.source.value !== 'string') return;
      const target = graph.resolve(node.source.value, self);
      if (!target) return;
      const chain = target === self ? [self] : graph.pathBack(target, self);
      if (!chain) return;
      const names = [self, ...chain].map((file) => path.relative(cwd, file));
      context.report({ node: node.source, messageId: 'cycle', data: { chain: names.join(' → ') } });
    }

    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
