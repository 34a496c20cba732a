import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeSecretsManager {
  /** For AWS_ENDPOINT_URL_SECRETS_MANAGER. */
  readonly url: string;
  /** The SecretId of every GetSecretValue it answered, in order. */
  readonly requested: string[];
  readonly close: () => Promise<void>;
}

/** What the fake holds for a secret id: long enough for every secret's minimum length. */
export const fakeSecretValue = (secretId: string): string => `fake-secret-value-of-${secretId}`;

/**
 * Secrets Manager's GetSecretValue over its JSON protocol, on localhost: the bundled functions
 * read their secrets from it at a cold start as they would in AWS.
 */
export const startFakeSecretsManager = async (): Promise<FakeSecretsManager> => {
  const requested: string[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      const target = req.headers["x-amz-target"];
      const { SecretId } = JSON.parse(body || "{}") as { SecretId?: string };
      res.setHeader("content-type", "application/x-amz-json-1.1");
      if (target !== "secretsmanager.GetSecretValue" || SecretId === undefined) {
        res.statusCode = 400;
        res.end(JSON.stringify({ __type: "InvalidRequestException", message: String(target) }));
        return;
      }
      requested.push(SecretId);
      res.end(
        JSON.stringify({ ARN: SecretId, Name: SecretId, SecretString: fakeSecretValue(SecretId) }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requested,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
};

/** CloudFormation's `{{resolve:secretsmanager:<id>:SecretString:::}}`, as the fake holds it. */
export const resolveSecretReference = (value: string): string =>
  value.replace(/\{\{resolve:secretsmanager:([^:}]+):SecretString:::\}\}/g, (_, id: string) =>
    fakeSecretValue(id),
  );
