import { ANALYTICS_TABLES } from "@owners/analytics/tables";
import type { App } from "aws-cdk-lib";
import { OwnersEdgeStack } from "./edge-stack.ts";
import { type LambdaBundles, OwnersStack } from "./owners-stack.ts";
import {
  EDGE_REGION,
  STAGE_NAMES,
  STAGES,
  type StageName,
  type StageSettings,
  stagePrefix,
} from "./stages.ts";

export interface DefineStagesOptions {
  /** The stages to define; every stage by default. */
  readonly stages?: readonly StageName[];
  /** Settings that replace a stage's own (a test's variant of a stage, e.g. an SES sender). */
  readonly overrides?: { readonly [N in StageName]?: Partial<StageSettings> };
}

/** A stage: its stack, and the us-east-1 stack of what CloudFront needs from there. */
export interface StageStacks {
  readonly main: OwnersStack;
  readonly edge: OwnersEdgeStack;
}

/**
 * Every stage's stacks, `owners-staging` and `owners-production`, each with its `-edge` stack in
 * us-east-1 (the WAF). The account is left to the deploying credentials (env-agnostic), so synth
 * needs none; the regions are fixed, which cross-region references need.
 */
export const defineStages = (
  app: App,
  bundles: LambdaBundles,
  { stages = STAGE_NAMES, overrides = {} }: DefineStagesOptions = {},
): Map<StageName, StageStacks> =>
  new Map(
    stages.map((name) => {
      const stage: StageSettings = { ...STAGES[name], ...overrides[name] };
      const prefix = stagePrefix(name);
      const tags = { project: "owners", stage: name };
      const edge = new OwnersEdgeStack(app, `${prefix}-edge`, {
        stage,
        prefix,
        env: { region: EDGE_REGION },
        crossRegionReferences: true,
        description: `OWNERS ${name}: what CloudFront needs from us-east-1 (WAF)`,
        tags,
      });
      const main = new OwnersStack(app, prefix, {
        stage,
        bundles,
        analyticsTables: ANALYTICS_TABLES,
        webAclArn: edge.webAclArn,
        env: { region: stage.region },
        crossRegionReferences: true,
        description: `OWNERS ${name}: API, batches, data, site, analytics and alarms`,
        tags,
      });
      return [name, { main, edge }];
    }),
  );
