import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import type { CloudAssembly } from "aws-cdk-lib/cx-api";
import { defineStages } from "../owners-app.ts";
import type { LambdaBundles, OwnersStack } from "../owners-stack.ts";
import { STAGE_NAMES, type StageName } from "../stages.ts";

export interface SynthesizedStage {
  readonly stack: OwnersStack;
  readonly template: Template;
  /** The template as JSON, for walking every resource. */
  readonly json: CfnTemplate;
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
  /** Removes the assembly directory. */
  readonly dispose: () => void;
}

/** Synthesizes every stage once, as `cdk synth` does, into a fresh cloud assembly directory. */
export const synthesizeStages = (bundles: LambdaBundles): Synthesized => {
  const outdir = mkdtempSync(join(tmpdir(), "owners-cdk-out-"));
  const app = new App({ outdir });
  const stacks = defineStages(app, bundles);
  const assembly = app.synth();
  const stages = new Map(
    STAGE_NAMES.map((name) => {
      const stack = stacks.get(name);
      if (stack === undefined) throw new Error(`no stack for ${name}`);
      const json = assembly.getStackByName(stack.stackName).template as CfnTemplate;
      return [name, { stack, template: Template.fromJSON(json), json }] as const;
    }),
  );
  return { assembly, stages, dispose: () => rmSync(outdir, { recursive: true, force: true }) };
};

/** Every resource of a CloudFormation type, with its logical id. */
export const resourcesOfType = (
  json: CfnTemplate,
  type: string,
): [logicalId: string, resource: CfnResource][] =>
  Object.entries(json.Resources).filter(([, r]) => r.Type === type);
