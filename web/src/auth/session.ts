/**
 * The signed-in session: Cognito tokens kept in localStorage (so a reload or a new tab stays signed
 * in), the ID token refreshed shortly before it expires. Components read it with `useSession()`.
 */
import { useSyncExternalStore } from 'react';

export type Session = {
  idToken: string;
  refreshToken?: string;
  /** When the ID token expires, in ms since the epoch. */
  expiresAt: number;
  sub: string;
  email: string;
};

const STORAGE_KEY = 'kakehashi.session';
/** Refresh this long before the ID token expires. */
const REFRESH_MARGIN_MS = 5 * 60_000;

const loadCognito = () => import('./cognito.ts');

function decodeJwt(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  const base64 = part
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

function sessionOf(idToken: string, refreshToken: string | undefined): Session {
  const claims = decodeJwt(idToken);
  return {
    idToken,
    ...(refreshToken ? { refreshToken } : {}),
    expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : Date.now() + 3_600_000,
    sub: String(claims.sub ?? ''),
    email: String(claims.email ?? claims['cognito:username'] ?? ''),
  };
}

function read(): Session | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Session;
    return typeof s.idToken === 'string' && typeof s.expiresAt === 'number' ? s : null;
  } catch {
    return null;
  }
}

let current: Session | null = read();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | undefined;

function emit() {
  for (const l of listeners) l();
}

function set(next: Session | null) {
  current = next;
  try {
    if (next) localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    else localStorage.removeItem(STORAGE_KEY);
  } catch {}
  schedule();
  emit();
}

/** Refresh in the background shortly before expiry, while the page is open. */
function schedule() {
  clearTimeout(timer);
  if (!current?.refreshToken) return;
  const wait = Math.max(0, current.expiresAt - REFRESH_MARGIN_MS - Date.now());
  timer = setTimeout(() => void freshToken().catch(() => undefined), Math.min(wait, 2 ** 31 - 1));
}

if (typeof window !== 'undefined') {
  // Another tab signed in or out.
  window.addEventListener('storage', (e) => {
    if (e.key !== STORAGE_KEY) return;
    current = read();
    schedule();
    emit();
  });
  schedule();
}

export function getSession(): Session | null {
  return current;
}

export function useSession(): Session | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}

let refreshing: Promise<string | null> | undefined;

/**
 * The ID token to send to the API: refreshed first when it expires within the margin (or when
 * `force` is set, after the API refused it). Null when signed out or the refresh failed.
 */
export async function freshToken(force = false): Promise<string | null> {
  const s = current;
  if (!s) return null;
  if (!force && s.expiresAt - Date.now() > REFRESH_MARGIN_MS) return s.idToken;
  if (!s.refreshToken) {
    if (s.expiresAt > Date.now() && !force) return s.idToken;
    set(null);
    return null;
  }
  refreshing ??= (async () => {
    try {
      const { refresh } = await loadCognito();
      const tokens = await refresh(s.refreshToken as string);
      set(sessionOf(tokens.idToken, tokens.refreshToken ?? s.refreshToken));
      return current?.idToken ?? null;
    } catch (error) {
      // A refused refresh token ends the session; a network failure keeps it for the next try.
      const name = (error as Error).name;
      if (name === 'NotAuthorizedException' || name === 'UserNotFoundException') set(null);
      return s.expiresAt > Date.now() ? s.idToken : null;
    } finally {
      refreshing = undefined;
    }
  })();
  return refreshing;
}

export async function signIn(email: string, password: string): Promise<Session> {
  const { signIn } = await loadCognito();
  const tokens = await signIn(email.trim(), password);
  set(sessionOf(tokens.idToken, tokens.refreshToken));
  return current as Session;
}

export async function signUp(email: string, password: string): Promise<{ confirmed: boolean }> {
  const { signUp } = await loadCognito();
  return signUp(email.trim(), password);
}

export async function confirmSignUp(email: string, code: string): Promise<void> {
  const { confirmSignUp } = await loadCognito();
  await confirmSignUp(email.trim(), code.trim());
}

export async function resendCode(email: string): Promise<void> {
  const { resendCode } = await loadCognito();
  await resendCode(email.trim());
}

export function signOut(): void {
  set(null);
}

/** Starts loading the Cognito chunk (e.g. when the sign-in page opens), so submitting feels instant. */
export function preloadCognito(): void {
  void loadCognito();
}
