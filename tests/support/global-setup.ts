import { type ChildProcess, spawn } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import type { LocalCloud } from '../../infra/local/stack.ts';

/** What `start.ts --ephemeral` prints on its READY line: the local cloud less its in-process handles. */
export type CloudInfo = Omit<LocalCloud, 'mailbox' | 'runSchedule' | 'stop'>;

declare module 'vitest' {
  export interface ProvidedContext {
    cloud: CloudInfo;
  }
}

let child: ChildProcess | undefined;

/**
 * Starts the local cloud exactly as `npm start` does, but in memory on free ports, in its own process
 * (so tests talk to it only over HTTP), and stops it when the run ends.
 */
export async function setup(project: TestProject) {
  // Tests always run against the local Stripe, even in a shell that has real Stripe keys.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('STRIPE_')));
  child = spawn(process.execPath, ['infra/local/start.ts', '--ephemeral'], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...env, POWERTOOLS_LOG_LEVEL: 'ERROR' },
  });
  const info = await new Promise<CloudInfo>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`local cloud did not start:\n${out}`)), 90_000);
    child?.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('READY '));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line.slice(6)) as CloudInfo);
      }
    });
    child?.on('exit', (code) => reject(new Error(`local cloud exited (${code}):\n${out}`)));
  });
  child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(chunk));
  project.provide('cloud', info);
}

export async function teardown() {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child?.once('exit', r));
  child.stdin?.end();
  child.kill('SIGTERM');
  await exited;
}
