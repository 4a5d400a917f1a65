// `npm run build` without the work when nothing changed: the TypeScript service (src/ → dist/) and the
// explorer (web/ → web/dist/) are each rebuilt only when a hash of their sources differs from the
// one stored with their last output, so a second `npm start` starts at once.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const TARGETS = [
  {
    name: 'service',
    inputs: ['src', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'],
    output: 'dist/main.js',
    stamp: 'dist/.source-hash',
    command: ['npx', 'tsc', '-p', 'tsconfig.build.json', '--incremental', '--tsBuildInfoFile', 'dist/.tsbuildinfo'],
  },
  {
    name: 'explorer',
    inputs: ['web', 'package-lock.json'],
    output: 'web/dist/index.html',
    stamp: 'web/dist/.source-hash',
    command: ['npx', 'vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
  },
];
const only = process.argv[2];

function* files(entry) {
  if (!existsSync(entry)) return;
  if (!readdirSafe(entry)) {
    yield entry;
    return;
  }
  for (const child of readdirSafe(entry).sort()) {
    if (child === 'node_modules' || path.join(entry, child) === 'web/dist') continue;
    yield* files(path.join(entry, child));
  }
}

function readdirSafe(entry) {
  try {
    return readdirSync(entry);
  } catch {
    return undefined;
  }
}

for (const target of TARGETS.filter((t) => only === undefined || t.name === only)) {
  const hash = createHash('sha256');
  for (const input of target.inputs) for (const file of files(input)) hash.update(file).update('\0').update(readFileSync(file)).update('\0');
  const digest = hash.digest('hex');
  const stored = existsSync(target.stamp) ? readFileSync(target.stamp, 'utf8').trim() : '';
  if (stored === digest && existsSync(target.output)) continue;
  const [command, ...args] = target.command;
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(target.stamp, `${digest}\n`);
}
