import { ANALYTICS_TABLES } from "@owners/analytics/tables";
import type { App } from "aws-cdk-lib";
import { type LambdaBundles, OwnersStack } from "./owners-stack.ts";
import { STAGE_NAMES, STAGES, type StageName, type StageSettings, stagePrefix } from "./stages.ts";

export interface DefineStagesOptions {
  /** The stages to define; every stage by default. */
  readonly stages?: readonly StageName[];
  /** Settings that replace a stage's own (a test's variant of a stage, e.g. an SES sender). */
  readonly overrides?: { readonly [N in StageName]?: Partial<StageSettings> };
}

/**
 * Every stage's stack, `owners-staging` and `owners-production`. The account is left to the
 * deploying credentials (env-agnostic), so synth needs none; the region is the stage's.
 */
export const defineStages = (
  app: App,
  bundles: LambdaBundles,
  { stages = STAGE_NAMES, overrides = {} }: DefineStagesOptions = {},
): Map<StageName, OwnersStack> =>
  new Map(
    stages.map((name) => {
      const stage: StageSettings = { ...STAGES[name], ...overrides[name] };
      const stack = new OwnersStack(app, stagePrefix(name), {
        stage,
        bundles,
        analyticsTables: ANALYTICS_TABLES,
        env: { region: stage.region },
        description: `OWNERS ${name}: API, batches, data, site, analytics and alarms`,
        tags: { project: "owners", stage: name },
      });
      return [name, stack];
    }),
  );
