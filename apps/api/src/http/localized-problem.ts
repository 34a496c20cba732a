import type { Language } from "@owners/domain";
import type { Problem } from "./problem.ts";
import { PROBLEM_MESSAGES } from "./problem-messages.ts";

/** Fills `{name}` from params; a name without a value stays as written (a catalogue bug shows). */
const fill = (text: string, params: Readonly<Record<string, string>>): string =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);

/**
 * A problem in the reader's language: title and detail from the catalogue by its code; type,
 * code, status, fields and details are the machine's and stay as they are. An English reader
 * keeps the problem's own detail (it names the specifics); a code the catalogue lacks stays in
 * English (problem-messages.test.ts keeps that from shipping). Answers the language it is in.
 */
export const localizeProblem = (
  problem: Problem,
  language: Language,
  params: Readonly<Record<string, string>>,
): { readonly problem: Problem; readonly language: Language } => {
  const messages = PROBLEM_MESSAGES[problem.code];
  if (messages === undefined) return { problem, language: "en" };
  const text = messages[language];
  const detail =
    language === "en" && problem.detail !== undefined ? problem.detail : fill(text.detail, params);
  return { problem: { ...problem, title: text.title, detail }, language };
};
