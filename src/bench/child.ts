import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * Runs one of the bench's child scripts (build/bench/<script>.js) in a fresh Node process and times
 * it from spawn to exit; the child prints its figures as the last JSON line of stdout.
 */
export function timedChild<T>(script: string, args: string[], what: string): Promise<{ ms: number; report: T }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(__dirname, `${script}.js`), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c));
    child.stderr.on('data', (c: Buffer) => (err += c));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code !== 0) reject(new Error(`${what} failed (exit ${code}):\n${err}`));
      else resolve({ ms, report: JSON.parse(out.trim().split('\n').pop()!) as T });
    });
  });
}
