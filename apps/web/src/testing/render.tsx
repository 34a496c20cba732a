import type { QueryClient } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { MemoryRouter } from "react-router";
import { AppProvider } from "../app-context";
import type { Session } from "../auth/session";
import { I18nProvider } from "../i18n/i18n";
import type { Lang } from "../i18n/translate";
import { makeQueryClient } from "../queries/query-client";

export const OWNER: Session = { token: "test-token", sub: "owner-test", role: "owner" };

export interface Recorded {
  readonly method: string;
  readonly path: string;
  readonly headers: Headers;
  readonly body: unknown;
}

/** A fake API: answers by "METHOD /path" and records every request (headers included). */
export const fakeApi = (
  answer: (method: string, path: string, body: unknown) => Response | Promise<Response>,
  options: {
    /**
     * The owner's store credit. Every owner page reads it, so GET /me/credits is answered with
     * this (none by default) and left out of `requests`, unless the test answers it itself.
     */
    readonly credits?: readonly { producerId: string; balanceYen: number }[] | "answer";
    /**
     * The owner's experience bookings: the owner's page reads them, so GET /me/bookings is
     * answered with none and left out of `requests`, unless the test answers it ("answer").
     */
    readonly bookings?: "answer";
  } = {},
) => {
  const requests: Recorded[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const text = await request.text();
    const body = text === "" ? undefined : JSON.parse(text);
    const path = new URL(request.url).pathname.replace(/^\/api/, "");
    if (options.credits !== "answer" && request.method === "GET" && path === "/me/credits")
      return json({ credits: options.credits ?? [] });
    if (options.bookings !== "answer" && request.method === "GET" && path === "/me/bookings")
      return json({ bookings: [] });
    requests.push({ method: request.method, path, headers: request.headers, body });
    return answer(request.method, path, body);
  }) as typeof fetch;
  return { fetchImpl, requests };
};

export const problem = (status: number, code: string, title = code) =>
  new Response(JSON.stringify({ type: "about:blank", title, status, code }), {
    status,
    headers: { "content-type": "application/problem+json" },
  });

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/** The site's own cache and retry policy, without waiting between retries. */
export const testQueryClient = (): QueryClient => makeQueryClient({ retryDelay: 0 });

export const renderWithApp = (
  ui: ReactNode,
  options: {
    fetchImpl?: typeof fetch;
    session?: Session;
    lang?: Lang;
    queryClient?: QueryClient;
    /** The router's address (for routes and links); "/" otherwise. */
    at?: string;
  } = {},
) =>
  render(
    <I18nProvider initial={options.lang ?? "ja"}>
      <AppProvider
        config={{ apiBase: "http://api.test/api", auth: "dev" }}
        initialSession={options.session}
        queryClient={options.queryClient ?? testQueryClient()}
        {...(options.fetchImpl === undefined ? {} : { fetchImpl: options.fetchImpl })}
      >
        <MemoryRouter initialEntries={[options.at ?? "/"]}>{ui}</MemoryRouter>
      </AppProvider>
    </I18nProvider>,
  );
