/** Percentile of a sample (nearest rank). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export const median = (values: number[]) => percentile(values, 50);
export const ms = (n: number) => `${n.toFixed(2)} ms`;
export const ratio = (a: number, b: number) => (a / b).toFixed(2);

/** Runs two measurements alternately, so a noisy neighbour slows both alike. */
export async function interleaved(
  rounds: number,
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
): Promise<{ a: number[]; b: number[] }> {
  const out = { a: [] as number[], b: [] as number[] };
  for (let i = 0; i < rounds; i++) {
    for (const [name, fn] of (i % 2
      ? [
          ['b', b],
          ['a', a],
        ]
      : [
          ['a', a],
          ['b', b],
        ]) as ['a' | 'b', () => Promise<unknown>][]) {
      const start = performance.now();
      await fn();
      out[name].push(performance.now() - start);
    }
  }
  return out;
}

/** Like `interleaved`, for any number of measurements: each round starts with the next one in turn. */
export async function interleavedAll(rounds: number, fns: (() => Promise<unknown>)[]): Promise<number[][]> {
  const out = fns.map(() => [] as number[]);
  for (let i = 0; i < rounds; i++) {
    for (let k = 0; k < fns.length; k++) {
      const at = (i + k) % fns.length;
      const start = performance.now();
      await (fns[at] as () => Promise<unknown>)();
      (out[at] as number[]).push(performance.now() - start);
    }
  }
  return out;
}

/** Runs `jobs` with at most `concurrency` at once; returns each one's latency. */
export async function pool(jobs: (() => Promise<unknown>)[], concurrency: number): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++] as () => Promise<unknown>;
        const start = performance.now();
        await job();
        latencies.push(performance.now() - start);
      }
    }),
  );
  return latencies;
}
