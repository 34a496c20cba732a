import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { ROUTE_CASES, type RouteCall } from "./testing/route-catalog.ts";
import { snapshot } from "./testing/snapshot.ts";
import { makeWorld, type World } from "./testing/world.ts";

/**
 * Thousands of generated bad requests against every route, each carrying at least one defect the
 * API must refuse before any use case runs: malformed JSON, a wrong type, an unknown field, an
 * oversized body, a malformed path param, a bad header or query, a forged token. Every answer must
 * be a 4xx problem (never a 5xx), and what the memory ports hold must not change.
 */

const CALLERS: readonly (readonly [string, "producer" | "owner" | "admin"] | undefined)[] = [
  undefined,
  ["producer-a", "producer"],
  ["producer-b", "producer"],
  ["o1", "owner"],
  ["o2", "owner"],
  ["root", "admin"],
];

// Mutating routes only change state through a valid request: the defects below are what is fuzzed.
const cases = ROUTE_CASES.filter((c) => !c.route.startsWith("GET /docs"));
const withBody = cases.filter((c) => c.call({} as World).body !== undefined && !c.readOnly);
const withIdParam = cases.filter((c) => c.route.includes("{"));
const withIdempotencyKey = cases.filter(
  (c) => c.call({} as World).headers?.["idempotency-key"] !== undefined,
);
// Bodies with a required field: sent as text/plain they are empty, which is refused. Partial
// edits (every field optional) take an empty body as "change nothing".
const withRequiredBody = withBody.filter(
  (c) =>
    ![
      "PATCH /plans/{id}",
      "POST /admin/batches/{name}",
      "PUT /me/profile",
      "PUT /producers/me/profile",
    ].includes(c.route),
);
const getWithQuery = cases.filter(
  (c) => c.call({} as World).method === "GET" && c.route !== "GET /health",
);

const MAX_BODY = 16_384;

interface BadRequest {
  readonly call: RouteCall;
  readonly caller: number;
  readonly contentType?: string;
  readonly rawBody?: string;
  readonly extraHeaders?: Record<string, string>;
}

const visibleAscii = fc.string({
  unit: fc.constantFrom(..."abcXYZ019-_.:@!$%&'()*+,;=~ ".split("")),
});
const jsonValue = fc.jsonValue({ maxDepth: 2 });
const valueOfAnotherType = (original: unknown) =>
  jsonValue.filter((v) => {
    const kind = (x: unknown) => (Array.isArray(x) ? "array" : x === null ? "null" : typeof x);
    return kind(v) !== kind(original) && v !== undefined;
  });

const routeIndex = (list: readonly unknown[]) => fc.nat({ max: list.length - 1 });
const callerIndex = fc.nat({ max: CALLERS.length - 1 });

/** A path whose first id segment is replaced by something no id looks like. */
const badSegment = fc.oneof(
  fc
    .string({ minLength: 1, maxLength: 20 })
    .filter((s) => /[^A-Za-z0-9_.:@-]/.test(s) && s.trim() !== "" && !/^\.+$/.test(s)),
  fc.string({ unit: fc.constantFrom("a", "1", "_"), minLength: 129, maxLength: 300 }),
  fc.constantFrom("%00", "<script>", "' OR 1=1 --", "😀", "plan id", "%E0%A4%A", "null\u0000"),
);

const arbitraries = (w: World) => {
  const base = (list: typeof cases) =>
    fc.record({ i: routeIndex(list), caller: callerIndex }).map(({ i, caller }) => ({
      routeCase: list[i] as (typeof cases)[number],
      call: (list[i] as (typeof cases)[number]).call(w),
      caller,
    }));

  const malformedJson = fc
    .tuple(base(withBody), fc.string({ maxLength: 200 }))
    .filter(([, text]) => {
      try {
        const parsed = JSON.parse(text);
        return typeof parsed !== "object" || parsed === null || Array.isArray(parsed);
      } catch {
        return true;
      }
    })
    .map(([{ call, caller }, text]): BadRequest => ({ call, caller, rawBody: text }));

  const wrongType = base(withBody)
    .filter(({ call }) => Object.keys(call.body as object).length > 0)
    .chain(({ call, caller }) => {
      const body = call.body as Record<string, unknown>;
      return fc.constantFrom(...Object.keys(body)).chain((field) =>
        valueOfAnotherType(body[field]).map(
          (value): BadRequest => ({
            call: { ...call, body: { ...body, [field]: value } },
            caller,
          }),
        ),
      );
    });

  const unknownField = fc
    .tuple(base(withBody), fc.string({ minLength: 1, maxLength: 30 }), jsonValue)
    .filter(([{ call }, key]) => !(key in (call.body as object)))
    .map(
      ([{ call, caller }, key, value]): BadRequest => ({
        call: { ...call, body: { ...(call.body as object), [key]: value } },
        caller,
      }),
    );

  const oversized = fc
    .tuple(
      base(cases.filter((c) => c.call(w).method !== "GET")),
      fc.integer({ min: MAX_BODY + 1, max: 4 * MAX_BODY }),
    )
    .map(
      ([{ call, caller }, size]): BadRequest => ({
        call,
        caller,
        rawBody: JSON.stringify({ ...((call.body as object) ?? {}), padding: "x".repeat(size) }),
      }),
    );

  const badPathParam = base(withIdParam).chain(({ routeCase, call, caller }) => {
    // Which segments of the path are params: those written {…} in the route's template.
    const template = (routeCase.route.split(" ")[1] ?? "").split("/");
    const params = template.flatMap((part, i) => (part.startsWith("{") ? [i] : []));
    return fc.tuple(fc.constantFrom(...params), badSegment).map(([index, segment]): BadRequest => {
      const [path, query] = call.path.split("?");
      const parts = (path ?? "").split("/");
      parts[index] = encodeURIComponent(segment);
      return { call: { ...call, path: parts.join("/") + (query ? `?${query}` : "") }, caller };
    });
  });

  const badIdempotencyKey = fc
    .tuple(
      base(withIdempotencyKey),
      fc.oneof(
        fc.constant(""),
        // Headers are trimmed: the space must sit inside the value.
        visibleAscii.map((s) => `k ${s}y`),
        fc.string({ unit: fc.constantFrom("k", "9"), minLength: 129, maxLength: 256 }),
      ),
    )
    .map(
      ([{ call, caller }, key]): BadRequest => ({
        call: { ...call, headers: { ...call.headers, "idempotency-key": key } },
        caller,
      }),
    );

  const badContentType = fc
    .tuple(
      base(withRequiredBody),
      fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "application/xml"),
    )
    .map(([{ call, caller }, contentType]): BadRequest => ({ call, caller, contentType }));

  const forgedToken = fc
    .tuple(
      base(cases),
      fc.oneof(
        visibleAscii.map((t) => `Bearer ${t}x`),
        visibleAscii.map((t) => `Basic ${t}`),
        fc.constant("Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJyb290Iiwicm9sZSI6ImFkbWluIn0."),
      ),
    )
    .map(
      ([{ call }, authorization]): BadRequest => ({
        call,
        caller: 0,
        extraHeaders: { authorization },
      }),
    );

  const badQuery = fc
    .tuple(
      base(
        getWithQuery.filter(
          (c) =>
            ![
              "GET /openapi.json",
              "GET /me/address",
              "GET /plans/{id} (draft)",
              "GET /plans/{id}",
            ].includes(c.route),
        ),
      ),
      fc.oneof(
        fc.constantFrom(
          "limit=0",
          "limit=101",
          "limit=abc",
          "cursor=",
          "status=bogus",
          "shares=-1",
          "infeasibleOnly=maybe",
          "shipOn=yesterday",
        ),
        fc
          .string({ minLength: 1, maxLength: 10, unit: fc.constantFrom(..."qwertz".split("")) })
          .map((k) => `zz${k}=1`),
      ),
    )
    .map(
      ([{ call, caller }, query]): BadRequest => ({
        call: { ...call, path: `${call.path}${call.path.includes("?") ? "&" : "?"}${query}` },
        caller,
      }),
    );

  return {
    malformedJson,
    wrongType,
    unknownField,
    oversized,
    badPathParam,
    badIdempotencyKey,
    badContentType,
    forgedToken,
    badQuery,
  };
};

/** Where two snapshots part, with some context (the whole snapshot is too long to read). */
const firstDifference = (a: string, b: string): string => {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i += 1;
  return `before …${a.slice(Math.max(0, i - 150), i + 150)}… after …${b.slice(Math.max(0, i - 150), i + 150)}…`;
};

const send = async (w: World, bad: BadRequest) => {
  const as = CALLERS[bad.caller];
  const { method, path, body, headers } = bad.call;
  const payload = bad.rawBody ?? (body !== undefined ? JSON.stringify(body) : undefined);
  const request: RequestInit = {
    method,
    headers: {
      ...(as !== undefined ? await w.h.auth(as[0], as[1]) : {}),
      ...(payload !== undefined ? { "content-type": bad.contentType ?? "application/json" } : {}),
      ...headers,
      ...bad.extraHeaders,
    },
    ...(payload !== undefined && method !== "GET" ? { body: payload } : {}),
  };
  return w.h.app.request(path, request);
};

describe("fuzz: bad requests across every route", () => {
  let world: World;
  let before: string;
  beforeAll(async () => {
    world = await makeWorld();
    before = await snapshot(world);
  });

  const categories = Object.keys(arbitraries({} as World)) as (keyof ReturnType<
    typeof arbitraries
  >)[];
  it.each(categories)(
    "%s: always a 4xx problem, never a 5xx, nothing changes",
    async (category) => {
      const arbitrary = arbitraries(world)[category] as fc.Arbitrary<BadRequest>;
      let sent = 0;
      await fc.assert(
        fc.asyncProperty(arbitrary, async (bad) => {
          const response = await send(world, bad);
          sent += 1;
          const text = await response.text();
          const where = `${bad.call.method} ${bad.call.path} -> ${response.status} ${text.slice(0, 300)}`;
          expect(response.status, where).toBeGreaterThanOrEqual(400);
          expect(response.status, where).toBeLessThan(500);
          expect(response.headers.get("content-type"), where).toBe("application/problem+json");
          expect(JSON.parse(text), where).toMatchObject({
            status: response.status,
            code: expect.any(String),
          });
          const after = await snapshot(world);
          if (after !== before)
            expect.fail(`${where}\nstate changed near: ${firstDifference(before, after)}`);
        }),
        { numRuns: 350 },
      );
      expect(sent).toBeGreaterThanOrEqual(350);
    },
  );
});
