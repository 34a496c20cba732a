import { fileURLToPath } from "node:url";
import { build } from "vite";

/**
 * Vitest global setup: builds the site into dist/ once, before any test file runs. The browser
 * files run side by side and all serve dist/; each building it itself (vite empties the folder
 * first) let one file's build delete the pages another was serving.
 */
export default async function buildSite(): Promise<void> {
  await build({ root: fileURLToPath(new URL("..", import.meta.url)), logLevel: "error" });
}
