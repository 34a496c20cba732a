/**
 * What the OpenAPI generator needs of zod's core: `toJSONSchema`. @standard-community/standard-json
 * loads `zod/v4/core` whole by dynamic import; the Lambda build points that import here
 * (scripts/build.mjs), so the bundle keeps this one function and its helpers, not all of core.
 */
export { toJSONSchema } from "zod/v4/core";
