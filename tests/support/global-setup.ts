import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { TestProject } from 'vitest/node';
import type { LocalCloud } from '../../infra/local/stack.ts';
import { findSecrets, redact } from './secrets.ts';

/** What `start.ts --ephemeral` prints on its READY line: the local cloud less its in-process handles. */
export type CloudInfo = Omit<LocalCloud, 'mailbox' | 'runSchedule' | 'faults' | 'stop'>;

declare module 'vitest' {
  export interface ProvidedContext {
    cloud: CloudInfo;
  }
}

/** Everything the local cloud writes during the run, stdout and stderr line by line (gitignored). */
export const CLOUD_LOG = join('tests', 'artifacts', 'cloud.log');

let child: ChildProcess | undefined;
let log: WriteStream | undefined;
let lineNumber = 0;
/** Secrets seen in the log, where: the run fails on them in the teardown. */
const leaks: string[] = [];
const streams: Promise<void>[] = [];

/**
 * The product's log lines below ERROR and its metrics (CloudWatch's embedded metric format) go to the log file
 * only: the terminal shows what it showed when the cloud ran at ERROR (errors, the gateway's and local parts'
 * own lines), while the file holds everything the cloud would log in AWS, so the scan sees what CloudWatch would.
 */
const quiet = (line: string) => /^\{.*"level":"(DEBUG|INFO|WARN)"/.test(line) || line.startsWith('{"_aws":');

/** Copies a stream of the cloud into the log file line by line, scanning each line; echoes what is not quiet. */
function tee(stream: Readable | null | undefined, echo: (line: string) => void) {
  if (!stream) return;
  let rest = '';
  const take = (line: string) => {
    lineNumber++;
    log?.write(`${line}\n`);
    for (const s of findSecrets(line)) leaks.push(`${CLOUD_LOG}:${lineNumber}: ${s.kind} ${redact(s.value)}`);
    if (!quiet(line)) echo(line);
  };
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    for (const line of parts) take(line);
  });
  streams.push(
    new Promise((resolve) =>
      stream.on('close', () => {
        if (rest) take(rest);
        resolve();
      }),
    ),
  );
}

/**
 * Starts the local cloud exactly as `npm start` does, but in memory on free ports, in its own process
 * (so tests talk to it only over HTTP), and stops it when the run ends. Its output is kept in
 * tests/artifacts/cloud.log, and the run fails if a token or a secret appears in it.
 */
export async function setup(project: TestProject) {
  // Tests always run against the local Stripe, even in a shell that has real Stripe keys.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('STRIPE_')));
  mkdirSync(join('tests', 'artifacts'), { recursive: true });
  log = createWriteStream(CLOUD_LOG);
  child = spawn(process.execPath, ['infra/local/start.ts', '--ephemeral'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    // The level the functions log at in AWS (infra/app.ts), so that what they would log there is scanned.
    env: { ...env, POWERTOOLS_LOG_LEVEL: 'INFO' },
  });
  let ready = false;
  let early = '';
  tee(child.stdout, (line) => {
    if (ready) process.stdout.write(`${line}\n`);
    else early += `${line}\n`;
  });
  tee(child.stderr, (line) => process.stderr.write(`${line}\n`));
  const info = await new Promise<CloudInfo>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`local cloud did not start:\n${early}`)), 90_000);
    child?.stdout?.on('data', () => {
      const line = early.split('\n').find((l) => l.startsWith('READY '));
      if (line && !ready) {
        ready = true;
        clearTimeout(timer);
        resolve(JSON.parse(line.slice(6)) as CloudInfo);
      }
    });
    child?.on('exit', (code) => reject(new Error(`local cloud exited (${code}):\n${early}`)));
  });
  project.provide('cloud', info);
}

export async function teardown() {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child?.once('exit', r));
    child.stdin?.end();
    child.kill('SIGTERM');
    await exited;
  }
  await Promise.all(streams);
  await new Promise((resolve) => (log ? log.end(resolve) : resolve(undefined)));
  if (leaks.length) {
    const where = leaks.slice(0, 20).join('\n  ');
    const more = leaks.length > 20 ? `\n  … and ${leaks.length - 20} more` : '';
    console.error(`\nSecrets in the local cloud's log (${leaks.length}):\n  ${where}${more}\n`);
    throw new Error(`the local cloud logged ${leaks.length} secret(s) or token(s): see ${CLOUD_LOG}`);
  }
}
