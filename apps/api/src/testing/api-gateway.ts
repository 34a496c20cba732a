import type { APIGatewayProxyEventV2, Context } from "aws-lambda";

export interface EventInput {
  readonly method: string;
  /** Path with an optional query string: `/plans?limit=5`. */
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

let counter = 0;

/**
 * An API Gateway HTTP API (payload format 2.0) event as Lambda receives it: lowercase headers,
 * rawPath/rawQueryString, parsed query parameters, the request context with its request id.
 */
export const apiGatewayV2Event = (input: EventInput): APIGatewayProxyEventV2 => {
  counter += 1;
  const [rawPath = "/", rawQueryString = ""] = input.path.split("?");
  const body =
    input.body === undefined
      ? undefined
      : typeof input.body === "string"
        ? input.body
        : JSON.stringify(input.body);
  const headers: Record<string, string> = {
    accept: "application/json",
    "content-length": String(body === undefined ? 0 : Buffer.byteLength(body)),
    host: "abcdef1234.execute-api.ap-northeast-1.amazonaws.com",
    "user-agent": "vitest",
    "x-amzn-trace-id": `Root=1-6650a1b2-${String(counter).padStart(24, "0")}`,
    "x-forwarded-for": "203.0.113.7",
    "x-forwarded-port": "443",
    "x-forwarded-proto": "https",
    ...(body !== undefined ? { "content-type": "application/json" } : {}),
    ...Object.fromEntries(
      Object.entries(input.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
    ),
  };
  const query = new URLSearchParams(rawQueryString);
  const now = Date.now();
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath,
    rawQueryString,
    headers,
    ...(rawQueryString !== ""
      ? { queryStringParameters: Object.fromEntries(query.entries()) }
      : {}),
    requestContext: {
      accountId: "123456789012",
      apiId: "abcdef1234",
      domainName: "abcdef1234.execute-api.ap-northeast-1.amazonaws.com",
      domainPrefix: "abcdef1234",
      http: {
        method: input.method,
        path: rawPath,
        protocol: "HTTP/1.1",
        sourceIp: "203.0.113.7",
        userAgent: "vitest",
      },
      requestId: `Y${String(counter).padStart(15, "0")}=`,
      routeKey: "$default",
      stage: "$default",
      time: new Date(now).toUTCString(),
      timeEpoch: now,
    },
    ...(body !== undefined ? { body } : {}),
    isBase64Encoded: false,
  };
};

export const lambdaContext = (): Context => ({
  callbackWaitsForEmptyEventLoop: false,
  functionName: "owners-api",
  functionVersion: "$LATEST",
  invokedFunctionArn: "arn:aws:lambda:ap-northeast-1:123456789012:function:owners-api",
  memoryLimitInMB: "1024",
  awsRequestId: `req-${counter}`,
  logGroupName: "/aws/lambda/owners-api",
  logStreamName: "2026/05/01/[$LATEST]abcdef",
  getRemainingTimeInMillis: () => 29_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});

/** Plan terms whose sales are open now (real time: the Lambda runs on the system clock). */
export const livePlanBody = () => {
  const day = 86_400_000;
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const date = (ms: number) => iso(ms).slice(0, 10);
  return {
    title: "広島かき 一筏オーナー",
    description: "宮島沖の筏で育てる殻付き牡蠣。",
    category: "seafood",
    region: "chugoku",
    unitLabel: "piece",
    unitsPerShare: 20,
    totalShares: 10,
    maxSharesPerOwner: 2,
    priceYen: 7500,
    salesOpenAt: iso(now - 3_600_000),
    salesCloseAt: iso(now + 30 * day),
    deliveryFrom: date(now + 40 * day),
    deliveryTo: date(now + 70 * day),
    riskTerms: "shared",
    shipCapacityPerDay: 30,
  };
};
