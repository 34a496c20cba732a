import { transformSync } from "esbuild";

/** A broken rule: which file, which rule, what. */
export interface RouteRuleViolation {
  readonly file: string;
  readonly rule: "domain-value-import" | "two-use-cases" | "use-case-outside-handler";
  readonly detail: string;
}

/**
 * The module as it runs: types, type-only imports and comments gone (TypeScript 7 has no JS
 * compiler API to walk; esbuild's compile is what the Lambda bundle runs anyway).
 */
const compiled = (file: string, text: string): string =>
  transformSync(text, {
    loader: "ts",
    format: "esm",
    sourcefile: file,
    // Every import not marked `type` stays, used or not: it is what the module asks for.
    tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
  }).code;

/**
 * The module cut at each route registration (`.get("/…"`, `.post("/…"`…): what comes before the
 * first (helpers, schemas), then each registration up to the next one.
 */
const registrations = (code: string): { before: string; routes: string[] } => {
  const starts = [...code.matchAll(/\.(?:get|post|put|patch|delete|on|all)\(\s*"\//g)].map(
    (match) => match.index,
  );
  return {
    before: code.slice(0, starts[0] ?? code.length),
    routes: starts.map((start, i) => code.slice(start, starts[i + 1] ?? code.length)),
  };
};

/**
 * The rules a route module keeps: nothing from the domain survives compilation (only types may
 * be imported: decisions are reached through a use case), each route's handler calls at most
 * one use case of the `groups` (UseCases' keys), as `plans.x(` or `useCases.plans.x(`, and no
 * helper outside the handlers calls one (a second call hidden in a helper is still a second).
 */
export const checkRouteModule = (
  file: string,
  text: string,
  groups: ReadonlySet<string>,
): RouteRuleViolation[] => {
  const code = compiled(file, text);
  const violations: RouteRuleViolation[] = [];
  for (const match of code.matchAll(/import\s*([^;]*?)\s*from\s*"@owners\/domain[^"]*"/g))
    violations.push({
      file,
      rule: "domain-value-import",
      detail: `imports ${match[1]} from the domain`,
    });
  const call = new RegExp(`\\b(?:\\w+\\.)?(${[...groups].join("|")})\\.(\\w+)\\(`, "g");
  const { before, routes } = registrations(code);
  const hidden = [...before.matchAll(call)].map((m) => `${m[1]}.${m[2]}`);
  if (hidden.length > 0)
    violations.push({
      file,
      rule: "use-case-outside-handler",
      detail: `calls ${hidden.join(", ")} outside a route's handler`,
    });
  for (const route of routes) {
    const calls = [...route.matchAll(call)].map((m) => `${m[1]}.${m[2]}`);
    if (calls.length > 1)
      violations.push({
        file,
        rule: "two-use-cases",
        detail: `${route.slice(0, route.indexOf(",")).trim()}: one handler calls ${calls.join(", ")}`,
      });
  }
  return violations;
};

/** The use-case groups: the members of `interface UseCases` in the composition's source. */
export const useCaseGroupsOf = (useCasesSource: string): Set<string> => {
  const body = /export interface UseCases \{([^}]*)\}/.exec(useCasesSource)?.[1] ?? "";
  return new Set([...body.matchAll(/readonly (\w+):/g)].map((m) => m[1] ?? ""));
};
