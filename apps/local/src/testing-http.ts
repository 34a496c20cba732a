/** A tiny JSON-over-HTTP client for tests and benchmarks that drive the API for real. */
export interface HttpResult<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly contentType: string | null;
}

export interface ApiClient {
  request<T = unknown>(
    method: string,
    path: string,
    options?: {
      readonly token?: string;
      readonly body?: unknown;
      readonly headers?: Readonly<Record<string, string>>;
    },
  ): Promise<HttpResult<T>>;
  /** A bearer token for `sub` in `role`, from POST /auth/dev-login. */
  login(sub: string, role: "producer" | "owner" | "admin"): Promise<string>;
}

export const apiClient = (baseUrl: string): ApiClient => {
  const request: ApiClient["request"] = async (method, path, options = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { "content-type": "application/json" }),
        ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
        ...options.headers,
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: (text === "" ? undefined : JSON.parse(text)) as never,
      contentType: response.headers.get("content-type"),
    };
  };
  return {
    request,
    login: async (sub, role) => {
      const result = await request<{ token: string }>("POST", "/auth/dev-login", {
        body: { sub, role },
      });
      if (result.status !== 200) throw new Error(`dev login failed: ${result.status}`);
      return result.body.token;
    },
  };
};
