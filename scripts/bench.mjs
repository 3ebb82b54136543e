#!/usr/bin/env node
// `npm run bench`: runs every benchmark in bench/ one after the other (they share two cores)
// and prints each one's figures. Benchmarks measure; they do not fail the build.
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';

// The benchmarks measure a fresh production build (bench/_support.ts builds it once).
rmSync('.output-bench', { recursive: true, force: true });

const only = process.argv.slice(2);
const files = readdirSync('bench')
  .filter((name) => name.endsWith('.ts') && !name.startsWith('_'))
  .filter((name) => only.length === 0 || only.some((word) => name.includes(word)))
  .sort();

let broken = 0;
for (const file of files) {
  console.log(`\n▶ bench/${file}`);
  const result = spawnSync('npx', ['tsx', `bench/${file}`], { stdio: 'inherit' });
  if (result.status !== 0) broken += 1;
}
if (broken) {
  console.error(`\n${broken} benchmark(s) could not run`);
  process.exit(1);
}
