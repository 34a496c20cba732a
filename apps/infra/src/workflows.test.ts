import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { STAGE_NAMES, stagePrefix } from "./stages.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");
const workflow = (name: string) => parse(read(`.github/workflows/${name}`)) as Workflow;

interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly with?: Record<string, string>;
  readonly env?: Record<string, string>;
  readonly "working-directory"?: string;
}
interface Job {
  readonly uses?: string;
  readonly needs?: string | string[];
  readonly permissions?: Record<string, string>;
  readonly environment?: string;
  readonly env?: Record<string, string>;
  readonly steps?: Step[];
}
interface Workflow {
  readonly on: Record<string, unknown>;
  readonly permissions?: Record<string, string>;
  readonly jobs: Record<string, Job>;
}

const steps = (w: Workflow): Step[] => Object.values(w.jobs).flatMap((j) => j.steps ?? []);
const runs = (w: Workflow): string =>
  steps(w)
    .map((s) => s.run ?? "")
    .join("\n");
const rootScripts = () =>
  (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;
const infraScripts = () =>
  (JSON.parse(read("apps/infra/package.json")) as { scripts: Record<string, string> }).scripts;

/** A step that tells Slack on failure through the webhook secret. */
const slackOnFailure = (w: Workflow) =>
  steps(w).find(
    (s) =>
      s.if?.includes("failure()") &&
      s.env?.SLACK_WEBHOOK_URL === `\${{ secrets.SLACK_WEBHOOK_URL }}` &&
      s.run?.includes('"$SLACK_WEBHOOK_URL"'),
  );

describe("the CI workflow", () => {
  const ci = workflow("ci.yml");

  it("runs on every push and pull request, and for the deploy workflow", () => {
    expect(ci.on).toHaveProperty("push");
    expect(ci.on).toHaveProperty("pull_request");
    expect(ci.on).toHaveProperty("workflow_call");
  });

  it("runs the same commands as a laptop: .ci/run, which also runs pnpm synth", () => {
    expect(runs(ci)).toContain("bash .ci/run");
    expect(read(".ci/run")).toMatch(/\.\/dev check[\s\S]*\.\/dev test/);
    expect(read(".ci/run")).toMatch(/^pnpm synth$/m);
    expect(rootScripts().synth).toBe("pnpm --filter @owners/infra synth");
    expect(infraScripts().synth).toMatch(/cdk synth .*--no-notices/);
  });

  it("reads nothing it need not, and tells Slack when a push fails", () => {
    expect(ci.permissions).toEqual({ contents: "read" });
    expect(slackOnFailure(ci)).toBeDefined();
  });
});

describe("the deploy workflow", () => {
  const deploy = workflow("deploy.yml");
  const job = deploy.jobs.deploy as Job;

  it("deploys develop to staging and main to production, after CI passes", () => {
    expect((deploy.on.push as { branches: string[] }).branches.sort()).toEqual(["develop", "main"]);
    expect(job.env?.STAGE).toBe(`\${{ github.ref_name == 'main' && 'production' || 'staging' }}`);
    expect(job.environment).toBe(job.env?.STAGE);
    expect(deploy.jobs.ci?.uses).toBe("./.github/workflows/ci.yml");
    expect([job.needs].flat()).toContain("ci");
    expect(STAGE_NAMES.map(stagePrefix)).toEqual(["owners-staging", "owners-production"]);
  });

  it("assumes an AWS role by OIDC, with no stored keys", () => {
    expect(job.permissions).toMatchObject({ "id-token": "write" });
    const credentials = job.steps?.find((s) =>
      s.uses?.startsWith("aws-actions/configure-aws-credentials@"),
    );
    expect(credentials?.with?.["role-to-assume"]).toMatch(/^\$\{\{ (vars|secrets)\.[A-Z_]+ \}\}$/);
    expect(JSON.stringify(deploy)).not.toMatch(/aws-access-key-id|aws-secret-access-key/);
  });

  it("deploys the stage's stack with the CDK app's own command, then publishes the site", () => {
    const cdk = job.steps?.find((s) => s.run?.includes("cdk deploy"));
    expect(cdk?.run).toContain('pnpm exec cdk deploy "owners-$STAGE"');
    expect(cdk?.run).toContain("--require-approval never");
    expect(cdk?.["working-directory"]).toBe("apps/infra");
    expect(JSON.parse(read("apps/infra/cdk.json")).app).toBe("tsx src/main.ts");
    expect(runs(deploy)).toContain(
      'pnpm --filter @owners/infra publish-web "$STAGE" cdk-outputs.json',
    );
    expect(infraScripts()["publish-web"]).toBe("tsx scripts/publish-web.ts");
    expect(existsSync(join(ROOT, "apps/infra/scripts/publish-web.ts"))).toBe(true);
    expect(runs(deploy)).toContain("pnpm install --frozen-lockfile");
  });

  it("tells Slack when a deploy fails", () => {
    expect(slackOnFailure(deploy)).toBeDefined();
  });
});
