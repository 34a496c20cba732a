import createClient, { type Client } from "openapi-fetch";
import type { paths } from "./generated/schema";
import { ApiError, problemOf } from "./problem";

/** The generated paths, plus issue 14's routes not in the generated document yet (api/payments.ts). */
type ApiPaths = paths;

export type ApiClient = Client<ApiPaths>;

/**
 * The typed client on `${apiBase}`, sending the session's bearer token when there is one and the
 * site's current language as `Accept-Language` (the API answers problems and statements in it).
 */
export const makeApiClient = (
  apiBase: string,
  token: () => string | undefined | Promise<string | undefined>,
  fetchImpl?: typeof fetch,
  language: () => string = () => "ja",
): ApiClient => {
  const client = createClient<ApiPaths>({
    baseUrl: apiBase,
    ...(fetchImpl === undefined ? {} : { fetch: fetchImpl }),
  });
  client.use({
    async onRequest({ request }) {
      const bearer = await token();
      // An explicit header (a dev admin action) wins over the session.
      if (bearer !== undefined && !request.headers.has("authorization"))
        request.headers.set("authorization", `Bearer ${bearer}`);
      request.headers.set("accept-language", language());
      return request;
    },
  });
  return client;
};

interface FetchResult<T> {
  readonly data?: T;
  readonly error?: unknown;
  readonly response: Response;
}

/** Awaits an openapi-fetch call: the data, or an ApiError carrying the problem+json body. */
export const call = async <T>(pending: Promise<FetchResult<T>>): Promise<T> => {
  let result: FetchResult<T>;
  try {
    result = await pending;
  } catch (error) {
    throw new ApiError(problemOf(undefined, 0), { cause: error });
  }
  if (result.response.ok) return result.data as T;
  const problem = problemOf(result.error, result.response.status);
  const language = result.response.headers.get("content-language");
  throw new ApiError(language === null ? problem : { ...problem, language });
};
