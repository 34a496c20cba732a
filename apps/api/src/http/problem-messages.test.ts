import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { appErrorKinds } from "@owners/app";
import { describe, expect, it } from "vitest";
import { PROBLEM_MESSAGES } from "./problem-messages.ts";

const SRC = join(import.meta.dirname, "..");

/** Every `.ts` file of the API's source, tests left out. */
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });

/** The codes the HTTP edge answers with itself: `httpProblem(<status>, "<CODE>", ...)`. */
const httpCodes = (): string[] =>
  sourceFiles(SRC).flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/httpProblem\(\s*[\w.]+,\s*"([A-Z_.]+)"/g)].map(
      (match) => match[1] as string,
    ),
  );

/** Every code a client can receive: the domain's and the app's errors, and the edge's own. */
const everyCode = (): string[] => [...new Set([...Object.keys(appErrorKinds), ...httpCodes()])];

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe("the problem catalogue", () => {
  it("finds the edge's own codes in the source (the scan works)", () => {
    expect(httpCodes()).toEqual(
      expect.arrayContaining(["REQUEST.TOO_LARGE", "ROUTE.NOT_FOUND", "INTERNAL"]),
    );
  });

  it("has a Japanese and an English title and detail for every code the API can answer", () => {
    const missing = everyCode().filter((code) => {
      const messages = PROBLEM_MESSAGES[code];
      return (
        messages === undefined ||
        !JAPANESE.test(messages.ja.title) ||
        !JAPANESE.test(messages.ja.detail) ||
        messages.en.title.trim() === "" ||
        messages.en.detail.trim() === "" ||
        JAPANESE.test(messages.en.title + messages.en.detail)
      );
    });
    expect(missing, "codes without both languages in problem-messages.ts").toEqual([]);
  });

  it("names no code the API cannot answer (a removed code leaves no stale entry)", () => {
    const known = new Set(everyCode());
    expect(Object.keys(PROBLEM_MESSAGES).filter((code) => !known.has(code))).toEqual([]);
  });

  it("uses only the placeholders the middleware fills", () => {
    const placeholders = Object.values(PROBLEM_MESSAGES).flatMap((messages) =>
      [messages.ja.detail, messages.en.detail].flatMap((text) =>
        [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]),
      ),
    );
    expect(new Set(placeholders)).toEqual(new Set(["requestId"]));
  });
});
