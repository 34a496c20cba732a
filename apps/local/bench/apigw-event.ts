import type { APIGatewayProxyEventV2 } from "aws-lambda";

/** A GET as API Gateway HTTP API (payload 2.0) hands it to a Lambda. */
export const apiGatewayGet = (path: string): APIGatewayProxyEventV2 => ({
  version: "2.0",
  routeKey: "$default",
  rawPath: path,
  rawQueryString: "",
  headers: { accept: "application/json", host: "api.example.com", "user-agent": "bench" },
  requestContext: {
    accountId: "123456789012",
    apiId: "api",
    domainName: "api.example.com",
    domainPrefix: "api",
    http: { method: "GET", path, protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "bench" },
    requestId: "bench-request",
    routeKey: "$default",
    stage: "$default",
    time: "01/Jan/2026:00:00:00 +0000",
    timeEpoch: 1_767_225_600_000,
  },
  isBase64Encoded: false,
});
