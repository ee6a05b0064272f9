import { createContext, ReactNode, useCallback, useContext, useMemo, useState } from 'react';

export const ROLES = ['ADMIN', 'LIAISON_OFFICER', 'AGENCY_OFFICER', 'GOVERNMENT_COUNTERPART', 'COMMUNITY_FOCAL_POINT', 'OBSERVER'] as const;
export type Role = (typeof ROLES)[number];

/** What the interface knows of the signed-in user: the token's claims, as the server reads them. */
export interface Session {
  readonly token: string;
  readonly userId: string;
  readonly organizationId: string;
  readonly roles: readonly Role[];
  readonly name: string | null;
  readonly expiresAt: number | null;
}

const STORAGE_KEY = 'coord.token';

const decodeClaims = (token: string): Session | null => {
  try {
    const payload = token.split('.')[1];
    // atob yields bytes as Latin-1 characters; the claims are UTF-8 (names such as "Awa Maïga").
    const bytes = Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (char) => char.charCodeAt(0));
    const json = JSON.parse(new TextDecoder().decode(bytes));
    if (typeof json.org !== 'string' || !Array.isArray(json.roles)) return null;
    const expiresAt = typeof json.exp === 'number' ? json.exp * 1000 : null;
    if (expiresAt !== null && expiresAt < Date.now()) return null;
    return {
      token,
      userId: String(json.sub ?? ''),
      organizationId: json.org,
      roles: json.roles.filter((role: string): role is Role => (ROLES as readonly string[]).includes(role)),
      name: typeof json.name === 'string' ? json.name : null,
      expiresAt,
    };
  } catch {
    return null;
  }
};

interface SessionState {
  readonly session: Session | null;
  /** Keeps a bearer token (from the development sign-in, an identity provider or pasted by hand). */
  signIn(token: string): boolean;
  signOut(): void;
  hasRole(...roles: Role[]): boolean;
}

const SessionContext = createContext<SessionState | null>(null);

export const SessionProvider = ({ children }: { children: ReactNode }) => {
  const [session, setSession] = useState<Session | null>(() => {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored ? decodeClaims(stored) : null;
  });
  const signIn = useCallback((token: string) => {
    const decoded = decodeClaims(token.trim());
    if (!decoded) return false;
    localStorage.setItem(STORAGE_KEY, decoded.token);
    setSession(decoded);
    return true;
  }, []);
  const signOut = useCallback(() => {
    localStorage.removeItem(STORAGE_KEY);
    setSession(null);
  }, []);
  const value = useMemo<SessionState>(
    () => ({ session, signIn, signOut, hasRole: (...roles) => !!session && roles.some((role) => session.roles.includes(role)) }),
    [session, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
};

export const useSession = (): SessionState => {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
};
