/**
 * `npm run metrics:rebuild`: recomputes the relationship population (関係人口) of every region from the source
 * records and replaces the stream-fed figures with it, in the running `npm start` (its local job endpoint runs
 * the same function the cloud runs, `metrics/rebuild-metrics`).
 *
 *   npm run metrics:rebuild               rebuild and replace
 *   npm run metrics:rebuild -- --check    only compare, and exit 1 if the figures differ from their sources
 *
 * (env: KAKEHASHI_URL, default http://localhost:3000). In the cloud, invoke the function with
 * `{"repair": true}` after pausing the stream consumer's event source mapping (docs/relationship-population.md).
 */
const base = process.env.KAKEHASHI_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
const check = process.argv.includes('--check');

const res = await fetch(`${base}/_local/schedules/rebuild-metrics/run`, {
  method: 'POST',
  body: JSON.stringify({ repair: !check }),
}).catch((error: Error) => {
  console.error(`Kakehashi does not answer at ${base} (${error.message}): start it with npm start.`);
  process.exit(2);
});
if (!res.ok) {
  console.error(`The rebuild failed: ${res.status} ${await res.text()}`);
  process.exit(2);
}
const { result } = (await res.json()) as {
  result: {
    sources: number;
    markers: number;
    regions: number;
    months: number;
    differences: number;
    seconds: number;
  };
};
console.log(
  `${check ? 'Compared' : 'Rebuilt'} the relationship population from ${result.sources} source records: ` +
    `${result.markers} markers, ${result.regions} regions, ${result.months} region-months in ${result.seconds.toFixed(1)} s; ` +
    `${result.differences} counters differed from the stream-fed figures${check || !result.differences ? '' : ' (now replaced)'}.`,
);
if (check && result.differences) process.exit(1);
