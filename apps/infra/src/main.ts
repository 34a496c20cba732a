// The CDK app (`cdk synth`, `cdk deploy`; see cdk.json): bundles the Lambdas, then every stage.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { App } from "aws-cdk-lib";
import { buildBundles } from "./bundles.ts";
import { defineStages } from "./owners-app.ts";

const bundles = await buildBundles(
  join(dirname(fileURLToPath(import.meta.url)), "../dist/lambdas"),
);
const app = new App();
defineStages(app, bundles);
app.synth();
