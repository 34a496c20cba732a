import { createMiddleware } from "hono/factory";
import type { ApiEnv } from "./env.ts";
import { negotiateLanguage } from "./language.ts";
import { PROBLEM_CONTENT_TYPE, type Problem } from "./problem.ts";

/**
 * The reader's language, once per request: routes read `c.var.language` (statements), and every
 * problem+json answer, wherever it was made (a use case, validation, auth, routing, a crash), is
 * rewritten here into that language. It runs outermost, so nothing escapes it. Answers say which
 * language they are in and that they vary by the request's `Accept-Language` (caches key on it).
 */
export const readerLanguage = createMiddleware<ApiEnv>(async (c, next) => {
  const language = negotiateLanguage(c.req.header("accept-language"));
  c.set("language", language);
  await next();
  let answered = language;
  if (c.res.headers.get("content-type") === PROBLEM_CONTENT_TYPE) {
    const problem = (await c.res.json()) as Problem;
    // The catalogue (every code in every language) loads on the first problem, not at start.
    const { localizeProblem } = await import("./localized-problem.ts");
    const localized = localizeProblem(problem, language, {
      requestId: c.get("requestId") ?? "",
    });
    answered = localized.language;
    c.res = new Response(JSON.stringify(localized.problem), {
      status: c.res.status,
      headers: { "content-type": PROBLEM_CONTENT_TYPE },
    });
    c.res.headers.delete("content-length");
  }
  c.res.headers.set("content-language", answered);
  c.res.headers.append("vary", "Accept-Language");
});
