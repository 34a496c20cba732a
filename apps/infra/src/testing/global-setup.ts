import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildBundles } from "../bundles.ts";
import type { LambdaBundles } from "../owners-stack.ts";

declare module "vitest" {
  export interface ProvidedContext {
    bundles: LambdaBundles;
  }
}

/** Builds the API and batch bundles once, with the apps' own build scripts, for every test file. */
export default async function setup(project: TestProject) {
  const root = await mkdtemp(join(tmpdir(), "owners-infra-bundles-"));
  project.provide("bundles", await buildBundles(root));
  return async () => {
    await rm(root, { recursive: true, force: true });
  };
}
