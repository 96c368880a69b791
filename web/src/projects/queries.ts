import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../api.ts';
import { useSession } from '../auth/session.ts';
import { usePagedList } from '../paged-list.tsx';
import type {
  Application,
  Decision,
  DecisionResult,
  MyApplication,
  Project,
  ProjectApplication,
  ProjectPage,
  ProjectPatch,
} from './types.ts';

/** Client errors are answers, not hiccups: retry only what might pass the second time. */
const retry = (count: number, error: unknown) =>
  !(error instanceof ApiError && error.status < 500) && count < 2;

export const projectKeys = {
  search: (query: string) => ['projects', 'search', query] as const,
  one: (id: string, sub: string | undefined) => ['projects', 'one', id, sub ?? ''] as const,
  mine: (sub: string | undefined) => ['projects', 'mine', sub ?? ''] as const,
  applicants: (id: string) => ['projects', 'applicants', id] as const,
  myApplications: (sub: string | undefined) => ['applications', 'mine', sub ?? ''] as const,
};

/** `GET /v1/projects?…`, a page at a time; `query` is the API's query string without limit and cursor. */
export function useProjectSearch(query: string) {
  return useInfiniteQuery({
    queryKey: projectKeys.search(query),
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams(query);
      if (pageParam) params.set('cursor', pageParam);
      const qs = params.toString();
      return api<ProjectPage>('GET', `/v1/projects${qs ? `?${qs}` : ''}`);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    retry,
    // Listings change as firms publish: a search seen a few seconds ago is worth asking again.
    staleTime: 5_000,
  });
}

/** One project; the owner also sees its draft (the session's token is sent), others get a 404. */
export function useProject(id: string) {
  const session = useSession();
  return useQuery({
    queryKey: projectKeys.one(id, session?.sub),
    queryFn: () => api<Project>('GET', `/v1/projects/${encodeURIComponent(id)}`),
    retry,
  });
}

export function useMyProjects(enabled = true) {
  const session = useSession();
  return usePagedList<Project>(
    projectKeys.mine(session?.sub),
    '/v1/me/projects',
    Boolean(session) && enabled,
  );
}

export function useMyApplications(enabled = true, limit = 20) {
  const session = useSession();
  return usePagedList<MyApplication>(
    [...projectKeys.myApplications(session?.sub), limit],
    '/v1/me/applications',
    Boolean(session) && enabled,
    limit,
  );
}

export function useApplicants(projectId: string, enabled = true) {
  return usePagedList<ProjectApplication>(
    projectKeys.applicants(projectId),
    `/v1/projects/${encodeURIComponent(projectId)}/applications`,
    enabled,
  );
}

/** After anything that changes a project or its applications: every list and page showing them. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['projects'] }),
      queryClient.invalidateQueries({ queryKey: ['applications'] }),
    ]);
}

export function useSaveProject() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: ProjectPatch }) =>
      id
        ? api<Project>('PATCH', `/v1/projects/${encodeURIComponent(id)}`, input)
        : api<Project>('POST', '/v1/projects', input),
    onSuccess: () => void refresh(),
  });
}

export function useProjectAction() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'publish' | 'close' }) =>
      api<Project>('POST', `/v1/projects/${encodeURIComponent(id)}/${action}`),
    onSuccess: () => void refresh(),
  });
}

export function useApply(projectId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { proposal: string; teamId?: string }) =>
      api<Application>('POST', `/v1/projects/${encodeURIComponent(projectId)}/applications`, body),
    onSettled: () => void refresh(),
  });
}

export function useWithdraw() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (applicationId: string) =>
      api<Application>('POST', `/v1/applications/${encodeURIComponent(applicationId)}/withdraw`),
    onSettled: () => void refresh(),
  });
}

export function useDecide() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ applicationId, decision }: { applicationId: string; decision: Decision }) =>
      api<DecisionResult>('POST', `/v1/applications/${encodeURIComponent(applicationId)}/decision`, {
        decision,
      }),
    onSettled: () => void refresh(),
  });
}
