import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, apiFile } from '../api.ts';
import { useSession } from '../auth/session.ts';
import { usePagedList } from '../paged-list.tsx';
import { saveBlob } from './download.ts';
import type {
  CheckinOut,
  DrawOut,
  EventOut,
  EventPage,
  EventPatch,
  EventRegistration,
  MyRegistrationPage,
  RegistrationInput,
  RegistrationOut,
} from './types.ts';

/** Client errors are answers, not hiccups: retry only what might pass the second time. */
const retry = (count: number, error: unknown) =>
  !(error instanceof ApiError && error.status < 500) && count < 2;

const path = (id: string) => `/v1/events/${encodeURIComponent(id)}`;

export const eventKeys = {
  search: (query: string) => ['events', 'search', query] as const,
  one: (id: string, sub: string | undefined) => ['events', 'one', id, sub ?? ''] as const,
  mine: (sub: string | undefined) => ['events', 'mine', sub ?? ''] as const,
  registrations: (id: string) => ['events', 'registrations', id] as const,
  draw: (id: string) => ['events', 'draw', id] as const,
  myRegistrations: (sub: string | undefined) => ['registrations', 'mine', sub ?? ''] as const,
};

/** `GET /v1/events?…`, a page at a time, soonest first; `query` is the query string without cursor. */
export function useEventSearch(query: string) {
  return useInfiniteQuery({
    queryKey: eventKeys.search(query),
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams(query);
      if (pageParam) params.set('cursor', pageParam);
      const qs = params.toString();
      return api<EventPage>('GET', `/v1/events${qs ? `?${qs}` : ''}`);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    retry,
    // Seats go as people sign up: a list seen a few seconds ago is worth asking again.
    staleTime: 5_000,
  });
}

/** One event; its staff also see its draft (the session's token is sent), others get a 404. */
export function useEvent(id: string) {
  const session = useSession();
  return useQuery({
    queryKey: eventKeys.one(id, session?.sub),
    queryFn: () => api<EventOut>('GET', path(id)),
    retry,
    staleTime: 5_000,
  });
}

/** The events of the signed-in staff's region, drafts included: the coming ones soonest first, or the past ones latest first. */
export function useMyEvents(when: 'coming' | 'past') {
  const session = useSession();
  return usePagedList<EventOut>(
    [...eventKeys.mine(session?.sub), when],
    `/v1/me/events?when=${when}`,
    Boolean(session),
  );
}

/**
 * My registrations, newest first, a page at a time. While `poll` holds for what is loaded (a payment on
 * its way, an offer counting down), it is asked again every few seconds.
 */
export function useMyRegistrations(
  enabled = true,
  poll: (page: MyRegistrationPage[]) => boolean = () => false,
) {
  const session = useSession();
  return useInfiniteQuery({
    queryKey: eventKeys.myRegistrations(session?.sub),
    enabled: Boolean(session) && enabled,
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      api<MyRegistrationPage>(
        'GET',
        `/v1/me/registrations?limit=50${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    retry,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data && poll(query.state.data.pages) ? 3_000 : false),
  });
}

export function useEventRegistrations(id: string, enabled = true) {
  return usePagedList<EventRegistration>(
    eventKeys.registrations(id),
    `${path(id)}/registrations`,
    enabled,
    50,
  );
}

/** A lottery's record; a 404 until it has been drawn. */
export function useDraw(id: string, enabled = true) {
  return useQuery({
    queryKey: eventKeys.draw(id),
    enabled,
    queryFn: () => api<DrawOut>('GET', `${path(id)}/draw`),
    retry,
  });
}

/** After anything that changes an event or its registrations: every list and page showing them. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['events'] }),
      queryClient.invalidateQueries({ queryKey: ['registrations'] }),
    ]);
}

export function useSaveEvent() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: EventPatch }) =>
      id ? api<EventOut>('PATCH', path(id), input) : api<EventOut>('POST', '/v1/events', input),
    onSuccess: () => void refresh(),
  });
}

export function useEventAction() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'publish' | 'cancel' }) =>
      api<EventOut>('POST', `${path(id)}/${action}`),
    onSettled: () => void refresh(),
  });
}

export function useRegister(eventId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: RegistrationInput) =>
      api<RegistrationOut>('POST', `${path(eventId)}/registrations`, input),
    onSettled: () => void refresh(),
  });
}

export function useCancelRegistration() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (eventId: string) => api<RegistrationOut>('DELETE', `${path(eventId)}/registrations/me`),
    onSettled: () => void refresh(),
  });
}

export function useClaimSeat() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (eventId: string) => api<RegistrationOut>('POST', `${path(eventId)}/registrations/me/claim`),
    onSettled: () => void refresh(),
  });
}

export function useCheckIn(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api<CheckinOut>('POST', `${path(eventId)}/checkins`, { code }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: eventKeys.registrations(eventId) }),
  });
}

/** The public calendar file of an event: a plain link, no token needed. */
export const eventCalendarUrl = (id: string) => `${path(id)}/calendar.ics`;

/** My registration's calendar file (with my check-in code): fetched with the token, then saved. */
export async function downloadRegistrationCalendar(eventId: string): Promise<void> {
  const blob = await apiFile(`${path(eventId)}/registrations/me/calendar.ics`, 'text/calendar');
  saveBlob(blob, `kakehashi-event-${eventId}.ics`);
}

/** The registrations as the API writes them (CSV, UTF-8 with BOM). */
export async function downloadRegistrationsCsv(eventId: string): Promise<void> {
  const blob = await apiFile(`${path(eventId)}/registrations?format=csv`, 'text/csv');
  saveBlob(blob, `kakehashi-registrations-${eventId}.csv`);
}
