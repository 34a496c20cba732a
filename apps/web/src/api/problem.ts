/** An API error as application/problem+json (RFC 9457) with the platform's namespaced code. */
export interface Problem {
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail?: string;
  readonly fields?: readonly { readonly field: string; readonly message: string }[];
  /** The language the API wrote title, detail and fields in (its Content-Language), if it said. */
  readonly language?: string;
}

/** Thrown by `call` so views can catch one type and show a translated message. */
export class ApiError extends Error {
  constructor(
    readonly problem: Problem,
    options?: ErrorOptions,
  ) {
    super(`${problem.code}: ${problem.title}`, options);
    this.name = "ApiError";
  }
}

const isProblem = (value: unknown): value is Problem =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as Problem).code === "string" &&
  typeof (value as Problem).title === "string";

/** Whatever came back (a problem body, HTML from a proxy, nothing) as a Problem. */
export const problemOf = (body: unknown, status: number): Problem =>
  isProblem(body)
    ? { ...body, status: typeof body.status === "number" ? body.status : status }
    : {
        title: `HTTP ${status}`,
        status,
        code: status === 0 ? "NETWORK.UNREACHABLE" : "HTTP.ERROR",
      };

export const problemFromError = (error: unknown): Problem =>
  error instanceof ApiError
    ? error.problem
    : {
        title: error instanceof Error ? error.message : String(error),
        status: 0,
        code: "NETWORK.UNREACHABLE",
      };
