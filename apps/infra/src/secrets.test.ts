import { describe, expect, it } from "vitest";
import { STAGE_NAMES } from "./stages.ts";
import { type CfnResource, resourcesOfType, synthesizedForThisFile } from "./testing/synth.ts";

const synthesized = synthesizedForThisFile();

type Statement = { Action: string | string[]; Resource: unknown };

const propsOf = (resource: CfnResource): Record<string, unknown> => resource.Properties ?? {};

describe.each(STAGE_NAMES)("the %s functions' secrets", (name) => {
  const stage = () => synthesized().stage(name);

  it("are ARNs in the environment, never values, each readable by the function given it", () => {
    const functions = resourcesOfType(stage().json, "AWS::Lambda::Function").filter(([, f]) =>
      String(f.Properties?.FunctionName ?? "").startsWith(`owners-${name}-`),
    );
    expect(functions.length).toBeGreaterThan(5);
    const policies = resourcesOfType(stage().json, "AWS::IAM::Policy");
    for (const [id, fn] of functions) {
      const env =
        (fn.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined)
          ?.Variables ?? {};
      expect(JSON.stringify(env), id).not.toContain("resolve:secretsmanager");
      expect(
        Object.keys(env).filter((k) => k.endsWith("_SECRET")),
        id,
      ).toEqual([]);
      const secretArns = Object.entries(env).filter(([k]) => k.endsWith("_SECRET_ARN"));
      // The Cognito post-confirmation trigger only files the new user into a group: it reads no
      // table, signs no cursor, and so is given no secret at all.
      if (String(fn.Properties?.FunctionName).endsWith("-post-confirmation")) {
        expect(secretArns, id).toEqual([]);
        continue;
      }
      expect(
        secretArns.map(([k]) => k),
        id,
      ).toContain("OWNERS_CURSOR_SECRET_ARN");
      const role = (propsOf(fn).Role as { "Fn::GetAtt": string[] })["Fn::GetAtt"][0];
      const statements = policies
        .filter(([, p]) => JSON.stringify(p.Properties?.Roles).includes(`"${role}"`))
        .flatMap(([, p]) => (propsOf(p).PolicyDocument as { Statement: Statement[] }).Statement);
      for (const [variable, ref] of secretArns) {
        const secretId = (ref as { Ref: string }).Ref;
        expect((stage().json.Resources[secretId] as CfnResource).Type).toBe(
          "AWS::SecretsManager::Secret",
        );
        const grant = statements.find(
          (s) =>
            [s.Action].flat().includes("secretsmanager:GetSecretValue") &&
            JSON.stringify(s.Resource).includes(`"${secretId}"`),
        );
        expect(grant, `${id} ${variable}`).toBeDefined();
      }
    }
  });
});
