import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Benchmarks share one production build of the extension, made once per `npm run bench`. */
export const benchOutDir = '.output-bench';
export const benchExtensionDir = resolve(import.meta.dirname, '..', benchOutDir, 'chrome-mv3');

export function ensureBenchBuild(): string {
  if (!existsSync(resolve(benchExtensionDir, 'manifest.json'))) {
    const build = spawnSync('npx', ['wxt', 'build'], {
      cwd: resolve(import.meta.dirname, '..'),
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, RELANCE_OUT_DIR: benchOutDir },
    });
    if (build.status !== 0) throw new Error('the extension build for the benchmarks failed');
  }
  return benchExtensionDir;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function verdict(value: number, budget: number, lowerIsBetter = true): string {
  const ok = lowerIsBetter ? value <= budget : value >= budget;
  return ok ? 'within budget' : 'OVER BUDGET';
}
