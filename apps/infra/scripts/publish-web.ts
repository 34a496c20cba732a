// Publishes the built site (apps/web/dist) to a deployed stage: writes its config.json from the
// stack's outputs, syncs the bucket, invalidates CloudFront. Run after `cdk deploy --outputs-file`:
//   pnpm --filter @owners/infra publish-web <stage> <outputs.json>
// Needs the AWS CLI and credentials (the deploy workflow's OIDC role).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { siteConfigOf } from "../src/site-config.ts";
import { STAGE_NAMES, type StageName, stagePrefix } from "../src/stages.ts";

const [stage, outputsFile] = process.argv.slice(2);
if (!STAGE_NAMES.includes(stage as StageName) || outputsFile === undefined) {
  console.error(`usage: publish-web <${STAGE_NAMES.join("|")}> <outputs.json>`);
  process.exit(2);
}
const dist = join(dirname(fileURLToPath(import.meta.url)), "../../web/dist");
if (!existsSync(join(dist, "index.html"))) {
  console.error(`${dist} has no index.html: run pnpm --filter @owners/web build first`);
  process.exit(1);
}
const all = JSON.parse(readFileSync(resolve(outputsFile), "utf8")) as Record<
  string,
  Record<string, string>
>;
const outputs = all[stagePrefix(stage as StageName)];
if (outputs === undefined) throw new Error(`${outputsFile} has no outputs for ${stage}`);

writeFileSync(join(dist, "config.json"), `${JSON.stringify(siteConfigOf(outputs), null, 2)}\n`);
const aws = (...args: string[]) => execFileSync("aws", args, { stdio: "inherit" });
const bucket = `s3://${outputs.WebBucket}`;
// Hashed assets first and long-cached; then the entry files, never cached, so no page points at
// an asset that is not there yet.
aws(
  "s3",
  "sync",
  dist,
  bucket,
  "--exclude",
  "index.html",
  "--exclude",
  "config.json",
  "--cache-control",
  "public,max-age=31536000,immutable",
);
aws("s3", "cp", join(dist, "index.html"), `${bucket}/index.html`, "--cache-control", "no-cache");
aws("s3", "cp", join(dist, "config.json"), `${bucket}/config.json`, "--cache-control", "no-cache");
aws("s3", "sync", dist, bucket, "--delete", "--size-only");
aws(
  "cloudfront",
  "create-invalidation",
  "--distribution-id",
  outputs.DistributionId ?? "",
  "--paths",
  "/index.html",
  "/config.json",
);
console.log(`published ${dist} to ${outputs.SiteUrl}`);
