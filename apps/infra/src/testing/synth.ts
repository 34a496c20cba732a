import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import type { CloudAssembly } from "aws-cdk-lib/cx-api";
import { afterAll, beforeAll, inject } from "vitest";
import type { OwnersEdgeStack } from "../edge-stack.ts";
import { type DefineStagesOptions, defineStages } from "../owners-app.ts";
import type { LambdaBundles, OwnersStack } from "../owners-stack.ts";
import type { StageName } from "../stages.ts";

export interface SynthesizedStage {
  readonly stack: OwnersStack;
  readonly template: Template;
  /** The template as JSON, for walking every resource. */
  readonly json: CfnTemplate;
  /** The stage's us-east-1 stack (the WAF). */
  readonly edge: {
    readonly stack: OwnersEdgeStack;
    readonly template: Template;
    readonly json: CfnTemplate;
  };
}

export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
}
export interface CfnTemplate {
  readonly Resources: Record<string, CfnResource>;
  readonly Outputs?: Record<string, unknown>;
}

export interface Synthesized {
  readonly assembly: CloudAssembly;
  readonly stages: ReadonlyMap<StageName, SynthesizedStage>;
  /** One synthesized stage; throws if it was not synthesized. */
  readonly stage: (name: StageName) => SynthesizedStage;
  /** Removes the assembly directory. */
  readonly dispose: () => void;
}

/**
 * Synthesizes the stages once, as `cdk synth` does, into a fresh cloud assembly directory: every
 * stage as deployed by default, or those of `options` with their overrides.
 */
export const synthesizeStages = (
  bundles: LambdaBundles,
  options: DefineStagesOptions = {},
): Synthesized => {
  const outdir = mkdtempSync(join(tmpdir(), "owners-cdk-out-"));
  const app = new App({ outdir });
  const stacks = defineStages(app, bundles, options);
  const assembly = app.synth();
  const templateOf = (stack: OwnersStack | OwnersEdgeStack) =>
    assembly.getStackByName(stack.stackName).template as CfnTemplate;
  const stages = new Map(
    [...stacks].map(([name, { main, edge }]) => {
      const json = templateOf(main);
      const edgeJson = templateOf(edge);
      const stage: SynthesizedStage = {
        stack: main,
        template: Template.fromJSON(json),
        json,
        edge: { stack: edge, template: Template.fromJSON(edgeJson), json: edgeJson },
      };
      return [name, stage] as const;
    }),
  );
  const stage = (name: StageName): SynthesizedStage => {
    const found = stages.get(name);
    if (found === undefined) throw new Error(`no ${name} stage synthesized`);
    return found;
  };
  return {
    assembly,
    stages,
    stage,
    dispose: () => rmSync(outdir, { recursive: true, force: true }),
  };
};

/** Every resource of a CloudFormation type, with its logical id. */
export const resourcesOfType = (
  json: CfnTemplate,
  type: string,
): [logicalId: string, resource: CfnResource][] =>
  Object.entries(json.Resources).filter(([, r]) => r.Type === type);

/**
 * Every stage synthesized once for the calling test file (before its tests, disposed after),
 * from the bundles the global setup built; the getter is for use inside tests.
 */
export const synthesizedForThisFile = (): (() => Synthesized) => {
  let synthesized: Synthesized | undefined;
  beforeAll(() => {
    synthesized = synthesizeStages(inject("bundles"));
  });
  afterAll(() => synthesized?.dispose());
  return () => {
    if (synthesized === undefined) throw new Error("stages are synthesized before the tests run");
    return synthesized;
  };
};
