import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
} from "react";
import { type ApiClient, call, makeApiClient } from "./api/client";
import {
  loadSession,
  type Role,
  type Session,
  sessionFromToken,
  storeSession,
} from "./auth/session";
import type { RuntimeConfig } from "./config";
import { makeQueryClient } from "./queries/query-client";

export interface AppServices {
  readonly config: RuntimeConfig;
  readonly api: ApiClient;
  readonly session: Session | undefined;
  readonly setToken: (token: string | undefined) => void;
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
  const api = useMemo(
    () => makeApiClient(config.apiBase, () => current.current?.token, fetchImpl),
    [config, fetchImpl],
  );
  const setToken = useCallback(
    (token: string | undefined) => {
      const next = token === undefined ? undefined : sessionFromToken(token);
      storeSession(next);
      current.current = next;
      // Answers fetched for the person before (their ownerships, address) must never show.
      cache.removeQueries();
      setSession(next);
    },
    [cache],
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
    () => ({ config, api, session, setToken, devLogin }),
    [config, api, session, setToken, devLogin],
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
