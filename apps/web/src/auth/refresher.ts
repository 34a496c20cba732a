import { type Session, sessionFromToken } from "./session";

/** Refresh this long before the id token expires, so a request never leaves with a stale one. */
export const REFRESH_MARGIN_MS = 60_000;

export interface TokenRefresher {
  /** Keeps the sign-in's refresh token, in memory only: a reload or another tab never sees it. */
  readonly remember: (refreshToken: string | undefined) => void;
  /** The session to call the API with: `session`, or a refreshed one when it is about to expire. */
  readonly fresh: (session: Session | undefined) => Promise<Session | undefined>;
}

/**
 * Renews the id token through `refresh` (Cognito's token endpoint) when it is near expiry. Calls
 * made while a refresh runs share it; a failed refresh keeps the old session (the API then says
 * 401 and the person signs in again).
 */
export const makeTokenRefresher = (
  refresh: (refreshToken: string) => Promise<string>,
  now: () => number = Date.now,
): TokenRefresher => {
  let refreshToken: string | undefined;
  let pending: Promise<Session | undefined> | undefined;
  return {
    remember: (token) => {
      refreshToken = token;
    },
    fresh: async (session) => {
      const expiring =
        session?.expiresAt !== undefined && session.expiresAt - REFRESH_MARGIN_MS <= now();
      if (session === undefined || !expiring || refreshToken === undefined) return session;
      pending ??= refresh(refreshToken)
        .then((token) => sessionFromToken(token) ?? session)
        .catch(() => session)
        .finally(() => {
          pending = undefined;
        });
      return pending;
    },
  };
};
