import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One call the fake received: the operation (from X-Amz-Target) and its JSON body. */
export interface CognitoCall {
  readonly operation: string;
  readonly body: Record<string, unknown>;
}

export interface FakeCognitoServer {
  /** `http://127.0.0.1:<port>`: the client's endpoint. */
  readonly endpoint: string;
  readonly calls: readonly CognitoCall[];
  /** Adds a user (username = its sub, as in a pool signing in by email) to the pool. */
  addUser(username: string): void;
  hasUser(username: string): boolean;
  groupsOf(username: string): readonly string[];
  /** The next `count` calls answer 500 InternalErrorException (an outage). */
  failNext(count: number): void;
  close(): Promise<void>;
}

const TARGET_PREFIX = "AWSCognitoIdentityProviderService.";

const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
};

/**
 * A Cognito user pool stand-in speaking the service's wire protocol (AWS JSON 1.1: POST /, the
 * operation in `X-Amz-Target`, errors as `{"__type", "message"}` with a 4xx/5xx status), so the
 * official SDK client runs unchanged against it. One pool (`poolId`) with the given groups;
 * requests must be SigV4-signed (any key: the signature itself is not checked).
 */
export const startFakeCognito = async (
  poolId: string,
  groups: readonly string[] = ["owners", "producers", "admins"],
): Promise<FakeCognitoServer> => {
  const users = new Map<string, Set<string>>();
  const calls: CognitoCall[] = [];
  let failures = 0;

  const handle = (
    operation: string,
    body: Record<string, unknown>,
  ): { status: number; json: Record<string, unknown> } => {
    const fault = (status: number, type: string, message: string) => ({
      status,
      json: { __type: type, message },
    });
    if (body.UserPoolId !== poolId)
      return fault(
        400,
        "ResourceNotFoundException",
        `User pool ${String(body.UserPoolId)} does not exist.`,
      );
    const username = String(body.Username ?? "");
    const member = users.get(username);
    const needsGroup =
      operation === "AdminAddUserToGroup" || operation === "AdminRemoveUserFromGroup";
    if (needsGroup && !groups.includes(String(body.GroupName)))
      return fault(400, "ResourceNotFoundException", "Group not found.");
    if (member === undefined) return fault(400, "UserNotFoundException", "User does not exist.");
    switch (operation) {
      case "AdminAddUserToGroup":
        member.add(String(body.GroupName));
        return { status: 200, json: {} };
      case "AdminRemoveUserFromGroup":
        member.delete(String(body.GroupName));
        return { status: 200, json: {} };
      case "AdminDeleteUser":
        users.delete(username);
        return { status: 200, json: {} };
      case "AdminListGroupsForUser":
        return {
          status: 200,
          json: { Groups: [...member].sort().map((GroupName) => ({ GroupName })) },
        };
      default:
        return fault(400, "UnknownOperationException", `unknown operation ${operation}`);
    }
  };

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const target = String(req.headers["x-amz-target"] ?? "");
    const reply = (status: number, json: Record<string, unknown>) => {
      res.statusCode = status;
      res.setHeader("content-type", "application/x-amz-json-1.1");
      if (typeof json.__type === "string") res.setHeader("x-amzn-errortype", json.__type);
      res.end(JSON.stringify(json));
    };
    if (
      req.method !== "POST" ||
      !target.startsWith(TARGET_PREFIX) ||
      !String(req.headers["content-type"]).startsWith("application/x-amz-json-1.1") ||
      !String(req.headers.authorization).startsWith("AWS4-HMAC-SHA256 ")
    )
      return reply(400, { __type: "SerializationException", message: "not an AWS JSON 1.1 call" });
    const operation = target.slice(TARGET_PREFIX.length);
    const body = JSON.parse(raw || "{}") as Record<string, unknown>;
    calls.push({ operation, body });
    if (failures > 0) {
      failures -= 1;
      return reply(500, { __type: "InternalErrorException", message: "try again" });
    }
    const { status, json } = handle(operation, body);
    reply(status, json);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    addUser: (username) => void users.set(username, new Set()),
    hasUser: (username) => users.has(username),
    groupsOf: (username) => [...(users.get(username) ?? [])].sort(),
    failNext: (count) => {
      failures = count;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
};
