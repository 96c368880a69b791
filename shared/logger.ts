import type { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';

/**
 * One structured (JSON) logger for every function, Powertools' (the level comes from POWERTOOLS_LOG_LEVEL).
 * It is loaded on the first line logged rather than at import: loading it costs a cold start ≈ 12 ms, and most
 * requests log nothing. Lines keep their order (each waits for the logger), and all are written before the
 * handler's answer leaves the process, since the load is part of the same bundle and settles in microtasks.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
type Extra = Record<string, unknown> | Error;

let loaded: Promise<Logger> | undefined;
const powertools = () =>
  (loaded ??= import('@aws-lambda-powertools/logger').then(
    ({ Logger: PowertoolsLogger }) => new PowertoolsLogger({ serviceName: 'kakehashi' }),
  ));

/** The invocation being served, and whether the loaded logger knows it yet. */
type Invocation = { context: Context; keys: Record<string, string> };
let invocation: Invocation | undefined;
let applied: Invocation | undefined;

/**
 * Names the invocation on every line logged during it: Lambda's request id (`function_request_id`, with the
 * function's name and cold start, from Powertools' `addContext`) and the given keys (API Gateway's request id,
 * which is the `requestId` of the stage's access log). Ids only: nothing that names a person.
 */
export function logContext(
  context: Context | undefined,
  keys: Record<string, string | undefined> = {},
): void {
  if (!context?.awsRequestId) return;
  const defined = Object.entries(keys).filter((entry): entry is [string, string] => entry[1] !== undefined);
  invocation = { context, keys: Object.fromEntries(defined) };
}

const at =
  (level: Level) =>
  (message: string, extra?: Extra): void => {
    const current = invocation;
    void powertools().then((real) => {
      if (current && applied !== current) {
        if (applied) real.removeKeys(Object.keys(applied.keys));
        real.addContext(current.context);
        real.appendKeys(current.keys);
        applied = current;
      }
      if (extra === undefined) real[level](message);
      else real[level](message, extra as never);
    });
  };

export const logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
