import { ANALYTICS_TABLES } from "@owners/analytics/tables";
import type { App } from "aws-cdk-lib";
import { type LambdaBundles, OwnersStack } from "./owners-stack.ts";
import { STAGE_NAMES, STAGES, type StageName, stagePrefix } from "./stages.ts";

/**
 * Every stage's stack, `owners-staging` and `owners-production`. The account is left to the
 * deploying credentials (env-agnostic), so synth needs none; the region is the stage's.
 */
export const defineStages = (
  app: App,
  bundles: LambdaBundles,
  stages: readonly StageName[] = STAGE_NAMES,
): Map<StageName, OwnersStack> =>
  new Map(
    stages.map((name) => {
      const stage = STAGES[name];
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
