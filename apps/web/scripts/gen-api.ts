/** `pnpm --filter @owners/web gen:api`: rewrites src/api/generated from the API's own document. */
import { mkdirSync, writeFileSync } from "node:fs";
import { GENERATED_DIR, generateApiFiles } from "./api-spec.ts";

const { spec, types } = await generateApiFiles();
mkdirSync(GENERATED_DIR, { recursive: true });
writeFileSync(new URL("openapi.json", GENERATED_DIR), spec);
writeFileSync(new URL("schema.d.ts", GENERATED_DIR), types);
console.log(`wrote ${new URL("schema.d.ts", GENERATED_DIR).pathname} (${types.length} chars)`);
