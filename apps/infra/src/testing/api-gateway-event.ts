/**
 * An API Gateway HTTP API (payload 2.0) event as Lambda receives it from the `$default` stage,
 * the shape of apps/api/src/testing/api-gateway.ts.
 */
export const httpApiEvent = (
  method: string,
  path: string,
  headers: Record<string, string> = {},
) => {
  const [rawPath = "/", rawQueryString = ""] = path.split("?");
  const now = Date.now();
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath,
    rawQueryString,
    headers: {
      accept: "application/json",
      host: "abcdef1234.execute-api.ap-northeast-1.amazonaws.com",
      "x-forwarded-proto": "https",
      ...headers,
    },
    requestContext: {
      accountId: "123456789012",
      apiId: "abcdef1234",
      domainName: "abcdef1234.execute-api.ap-northeast-1.amazonaws.com",
      domainPrefix: "abcdef1234",
      http: {
        method,
        path: rawPath,
        protocol: "HTTP/1.1",
        sourceIp: "203.0.113.7",
        userAgent: "vitest",
      },
      requestId: `req-${now}`,
      routeKey: "$default",
      stage: "$default",
      time: new Date(now).toUTCString(),
      timeEpoch: now,
    },
    isBase64Encoded: false,
  };
};
