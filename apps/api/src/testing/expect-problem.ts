import { expect } from "vitest";
import type { JsonBody } from "./json.ts";

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: JsonBody;
}

/** The answer is an RFC 9457 problem with this status and code (type, title, status, code). */
export const expectProblem = (answer: Answer, status: number, code: string) => {
  expect({ status: answer.status, code: answer.body?.code }, JSON.stringify(answer.body)).toEqual({
    status,
    code,
  });
  expect(answer.headers.get("content-type")).toBe("application/problem+json");
  expect(answer.body).toMatchObject({
    type: expect.stringMatching(/^https:\/\//),
    title: expect.any(String),
    status,
    code,
  });
};

/** The failing field names of a validation problem. */
export const fieldsOf = (answer: Answer): string[] =>
  ((answer.body?.fields ?? []) as { field: string }[]).map((f) => f.field);
