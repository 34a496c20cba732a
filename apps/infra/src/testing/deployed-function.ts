import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CloudAssembly } from "aws-cdk-lib/cx-api";
import type { CfnResource } from "./synth.ts";

const PSEUDO: Readonly<Record<string, string>> = {
  "AWS::Region": "ap-northeast-1",
  "AWS::AccountId": "123456789012",
  "AWS::Partition": "aws",
  "AWS::URLSuffix": "amazonaws.com",
  "AWS::StackName": "owners-test",
};

/**
 * What CloudFormation would put in place of an intrinsic, with stand-ins for what only a deploy
 * knows: `Ref` is a name from the logical id, `GetAtt` an attribute of it. Enough to hand a
 * function its environment as Lambda would, strings where strings go.
 */
export const resolveIntrinsic = (value: unknown): string => {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value !== null && typeof value === "object") {
    const [[fn, arg] = []] = Object.entries(value);
    if (fn === "Ref" && typeof arg === "string") return PSEUDO[arg] ?? `ref-${arg.toLowerCase()}`;
    if (fn === "Fn::GetAtt" && Array.isArray(arg))
      return arg[1] === "Arn"
        ? `arn:aws:stand-in:${PSEUDO["AWS::Region"]}:${PSEUDO["AWS::AccountId"]}:${String(arg[0]).toLowerCase()}`
        : `${String(arg[0]).toLowerCase()}-${arg[1]}`;
    if (fn === "Fn::Join" && Array.isArray(arg)) {
      const [separator, parts] = arg as [string, unknown[]];
      return parts.map(resolveIntrinsic).join(separator);
    }
  }
  throw new Error(`cannot stand in for ${JSON.stringify(value)}`);
};

/** A function's environment as Lambda would see it. */
export const deployedEnvironment = (fn: CfnResource): Record<string, string> => {
  const variables = (fn.Properties?.Environment as { Variables?: Record<string, unknown> })
    ?.Variables;
  return Object.fromEntries(
    Object.entries(variables ?? {}).map(([name, value]) => [name, resolveIntrinsic(value)]),
  );
};

interface AssetManifest {
  readonly files: Record<string, { readonly source: { readonly path: string } }>;
}

/**
 * The directory the cloud assembly ships as this function's code: the file asset whose zip is
 * the function's S3Key, as `cdk deploy` would upload it.
 */
export const deployedCodeDir = (
  assembly: CloudAssembly,
  stackName: string,
  fn: CfnResource,
): string => {
  const key = (fn.Properties?.Code as { S3Key?: string } | undefined)?.S3Key;
  if (key === undefined) throw new Error("the function's code is not an S3 asset");
  const manifest = JSON.parse(
    readFileSync(join(assembly.directory, `${stackName}.assets.json`), "utf8"),
  ) as AssetManifest;
  const asset = manifest.files[key.replace(/\.zip$/, "")];
  if (asset === undefined) throw new Error(`no asset ${key} in ${stackName}.assets.json`);
  return join(assembly.directory, asset.source.path);
};
