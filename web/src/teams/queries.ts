import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../api.ts';
import { useSession } from '../auth/session.ts';
import { usePagedList } from '../paged-list.tsx';
import type { Team, TeamSummary } from './types.ts';

/** Client errors are answers, not hiccups: retry only what might pass the second time. */
const retry = (count: number, error: unknown) =>
  !(error instanceof ApiError && error.status < 500) && count < 2;

export const teamKeys = {
  all: ['teams'] as const,
  mine: (sub: string | undefined) => ['teams', 'mine', sub ?? ''] as const,
  one: (id: string, sub: string | undefined) => ['teams', 'one', id, sub ?? ''] as const,
};

/**
 * `GET /v1/me/teams`, a page at a time: the teams the caller directs or belongs to (newest first), then those
 * they are invited to.
 */
export function useMyTeams(enabled = true, limit = 20) {
  const session = useSession();
  return usePagedList<TeamSummary>(
    [...teamKeys.mine(session?.sub), limit],
    '/v1/me/teams',
    Boolean(session) && enabled,
    limit,
  );
}

export function useTeam(id: string) {
  const session = useSession();
  return useQuery({
    queryKey: teamKeys.one(id, session?.sub),
    enabled: Boolean(session),
    queryFn: () => api<Team>('GET', `/v1/teams/${encodeURIComponent(id)}`),
    retry,
    staleTime: 0,
  });
}

/** The team an answer brings is shown at once; the list of my teams is fetched again. */
function useTeamMutation<V>(send: (variables: V) => Promise<Team>) {
  const queryClient = useQueryClient();
  const session = useSession();
  return useMutation({
    mutationFn: send,
    onSuccess: (team) => {
      // Having left, the caller no longer sees the team: the answer is what remains of it, not theirs.
      if (team.leftAt) queryClient.removeQueries({ queryKey: teamKeys.one(team.id, session?.sub) });
      else queryClient.setQueryData(teamKeys.one(team.id, session?.sub), team);
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: teamKeys.mine(session?.sub) }),
  });
}

export function useCreateTeam() {
  return useTeamMutation((input: { name: string; description?: string }) =>
    api<Team>('POST', '/v1/teams', input),
  );
}

export function useInvite(teamId: string) {
  return useTeamMutation((email: string) =>
    api<Team>('POST', `/v1/teams/${encodeURIComponent(teamId)}/invitations`, { email }),
  );
}

export function useTeamStep(teamId: string) {
  return useTeamMutation((step: 'join' | 'leave') =>
    api<Team>('POST', `/v1/teams/${encodeURIComponent(teamId)}/${step}`),
  );
}
