import { useQuery } from '@tanstack/react-query';

export type AppConfig = {
  auth: { region: string; userPoolId: string; clientId: string; endpoint?: string };
  stripe: { publishableKey: string; local: boolean };
};

let pending: Promise<AppConfig> | undefined;

/** `GET /v1/config`, fetched once per page load (it only changes with a deployment). */
export function getConfig(): Promise<AppConfig> {
  pending ??= fetch('/v1/config', { headers: { accept: 'application/json' } }).then(async (res) => {
    if (!res.ok) {
      pending = undefined;
      throw new Error(`GET /v1/config answered ${res.status}`);
    }
    return (await res.json()) as AppConfig;
  });
  return pending;
}

export function useConfig() {
  return useQuery({ queryKey: ['config'], queryFn: getConfig, staleTime: Number.POSITIVE_INFINITY });
}

/** Local development (cognito-local or the local Stripe): the mailbox page is available. */
export function isLocal(config: AppConfig | undefined): boolean {
  return Boolean(config && (config.stripe.local || config.auth.endpoint));
}
