import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { type ApiClient, call, makeApiClient } from "./api/client";
import { refreshIdToken } from "./auth/cognito";
import { makeTokenRefresher } from "./auth/refresher";
import {
  loadSession,
  type Role,
  type Session,
  sessionFromToken,
  storeSession,
} from "./auth/session";
import type { RuntimeConfig } from "./config";
import { useCurrentLang } from "./i18n/i18n";
import { makeQueryClient } from "./queries/query-client";

export interface AppServices {
  readonly config: RuntimeConfig;
  readonly api: ApiClient;
  readonly session: Session | undefined;
  readonly setToken: (token: string | undefined) => void;
  /** After a Cognito sign-in: the refresh token that renews the id token (kept in memory). */
  readonly rememberRefreshToken: (refreshToken: string | undefined) => void;
  /** Local only: a token from POST /auth/dev-login (for the sign-in page and dev actions). */
  readonly devLogin: (sub: string, role: Role, name?: string) => Promise<string>;
}

const AppContext = createContext<AppServices | undefined>(undefined);

export const AppProvider = ({
  config,
  children,
  initialSession = loadSession(),
  fetchImpl,
  queryClient,
}: {
  config: RuntimeConfig;
  children: ReactNode;
  initialSession?: Session | undefined;
  /** Tests hand in a fake server; the browser's fetch otherwise. */
  fetchImpl?: typeof fetch;
  /** Tests hand in their own (no retry delay, or one they inspect); a fresh one otherwise. */
  queryClient?: QueryClient;
}) => {
  const [cache] = useState(() => queryClient ?? makeQueryClient());
  const [session, setSession] = useState<Session | undefined>(initialSession);
  const current = useRef(session);
  current.current = session;
  // Read at each request, so a language switch needs no new client.
  const lang = useCurrentLang();
  const currentLang = useRef(lang);
  currentLang.current = lang;
  // Answers with words in them (problems, statements) came in the old language: fetch them again.
  const shownLang = useRef(lang);
  useEffect(() => {
    if (shownLang.current === lang) return;
    shownLang.current = lang;
    void cache.invalidateQueries();
  }, [cache, lang]);
  const [refresher] = useState(() =>
    makeTokenRefresher((refreshToken) =>
      config.auth === "dev"
        ? Promise.reject(new Error("dev tokens are not refreshed"))
        : refreshIdToken(config.auth.cognito, refreshToken, fetchImpl),
    ),
  );
  const api = useMemo(
    () =>
      makeApiClient(
        config.apiBase,
        async () => {
          const before = current.current;
          const fresh = await refresher.fresh(before);
          // The same person with a renewed token: no cache to clear.
          if (fresh !== before && fresh !== undefined && current.current === before) {
            storeSession(fresh);
            current.current = fresh;
            setSession(fresh);
          }
          return current.current?.token;
        },
        fetchImpl,
        () => currentLang.current,
      ),
    [config, fetchImpl, refresher],
  );
  const setToken = useCallback(
    (token: string | undefined) => {
      const next = token === undefined ? undefined : sessionFromToken(token);
      if (next === undefined) refresher.remember(undefined);
      storeSession(next);
      current.current = next;
      // Answers fetched for the person before (their ownerships, address) must never show.
      cache.removeQueries();
      setSession(next);
    },
    [cache, refresher],
  );
  const devLogin = useCallback(
    async (sub: string, role: Role, name?: string) =>
      (
        await call(
          api.POST("/auth/dev-login", {
            body: { sub, role, ...(name === undefined ? {} : { name }) },
          }),
        )
      ).token,
    [api],
  );
  const value = useMemo(
    () => ({
      config,
      api,
      session,
      setToken,
      rememberRefreshToken: refresher.remember,
      devLogin,
    }),
    [config, api, session, setToken, refresher, devLogin],
  );
  return (
    <QueryClientProvider client={cache}>
      <AppContext.Provider value={value}>{children}</AppContext.Provider>
    </QueryClientProvider>
  );
};

export const useApp = (): AppServices => {
  const app = useContext(AppContext);
  if (app === undefined) throw new Error("useApp outside AppProvider");
  return app;
};
