/**
 * A parsed JSON response body as the tests read it: any field, each checked by the assertion that
 * reads it (the OpenAPI schemas type the API; the tests check the wire).
 */
// biome-ignore lint/suspicious/noExplicitAny: see above, the assertions are the type check.
export type JsonBody = any;
