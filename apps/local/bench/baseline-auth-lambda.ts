/**
 * The baseline of a signed-in reservation's cold start: the same libraries as baseline-lambda.ts
 * (Hono on hono/aws-lambda, a DynamoDB document client behind an inversify container, fp-ts) plus
 * jose, doing what the API's reservation does at its least: verify the HS256 bearer token (issuer
 * and expiry), read the plan (one consistent GetItem), then one TransactWriteItems of four items
 * like the API's: the plan's counters under the open/room condition, the ownership put if absent,
 * the owner's per-plan count under the cap, and an audit entry. Answers 201 with the ownership.
 * Bundled exactly like the API's Lambda; configured from the environment by the benchmark.
 */
import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { Hono } from "hono";
import { handle } from "hono/aws-lambda";
import { Container } from "inversify";
import { jwtVerify } from "jose";

const DOC = Symbol.for("baseline.DocumentClient");
const container = new Container();
container.bind(DOC).toConstantValue(
  DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: process.env.BASELINE_DYNAMODB_ENDPOINT,
      region: "ap-northeast-1",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    }),
  ),
);
const doc = container.get<DynamoDBDocumentClient>(DOC);
const tableName = process.env.BASELINE_TABLE ?? "owners";
const keyTemplate = process.env.BASELINE_KEY_TEMPLATE ?? '{"PK":"PLAN#{id}","SK":"PLAN"}';
const secret = new TextEncoder().encode(process.env.BASELINE_JWT_SECRET ?? "");
const issuer = process.env.BASELINE_JWT_ISSUER ?? "owners-local";

const app = new Hono();
app.post("/plans/:id/reservations", async (c) => {
  const token = /^Bearer (.+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
  if (token === undefined) return c.json({ error: "unauthenticated" }, 401);
  const verified = await jwtVerify(token, secret, { issuer, algorithms: ["HS256"] }).catch(
    () => undefined,
  );
  const ownerId = verified?.payload.sub;
  if (ownerId === undefined) return c.json({ error: "unauthenticated" }, 401);
  const body = (await c.req.json()) as { shares: number };
  const planId = c.req.param("id");
  const planKey = JSON.parse(keyTemplate.replaceAll("{id}", planId)) as Record<string, string>;
  const now = new Date().toISOString();
  const ownershipId = randomUUID();
  const result = await pipe(
    TE.tryCatch(
      () => doc.send(new GetCommand({ TableName: tableName, Key: planKey, ConsistentRead: true })),
      String,
    ),
    TE.map((read) => read.Item),
    TE.chain((plan) =>
      plan === undefined
        ? TE.left("not found")
        : TE.tryCatch(
            () =>
              doc.send(
                new TransactWriteCommand({
                  TransactItems: [
                    {
                      Update: {
                        TableName: tableName,
                        Key: planKey,
                        UpdateExpression:
                          "SET sharesSold = sharesSold + :n, sharesTaken = sharesTaken + :n",
                        ConditionExpression: "#status = :open AND sharesTaken <= :room",
                        ExpressionAttributeNames: { "#status": "status" },
                        ExpressionAttributeValues: {
                          ":n": body.shares,
                          ":open": "open",
                          ":room": Number(plan.totalShares) - body.shares,
                        },
                      },
                    },
                    {
                      Put: {
                        TableName: tableName,
                        Item: {
                          PK: `BASELINE#${ownershipId}`,
                          SK: "OWNERSHIP",
                          planId,
                          ownerId,
                          shares: body.shares,
                          status: "pending_payment",
                          reservedAt: now,
                        },
                        ConditionExpression: "attribute_not_exists(PK)",
                      },
                    },
                    {
                      Update: {
                        TableName: tableName,
                        Key: { PK: `BASELINE#${planId}`, SK: `OWNER#${ownerId}` },
                        UpdateExpression: "SET #shares = if_not_exists(#shares, :zero) + :n",
                        ConditionExpression: "attribute_not_exists(#shares) OR #shares <= :cap",
                        ExpressionAttributeNames: { "#shares": "shares" },
                        ExpressionAttributeValues: {
                          ":zero": 0,
                          ":n": body.shares,
                          ":cap": Number(plan.maxSharesPerOwner) - body.shares,
                        },
                      },
                    },
                    {
                      Put: {
                        TableName: tableName,
                        Item: {
                          PK: `BASELINE#AUDIT#${planId}`,
                          SK: `${now}#${ownershipId}`,
                          action: "reserve",
                          actorId: ownerId,
                        },
                      },
                    },
                  ],
                }),
              ),
            String,
          ),
    ),
  )();
  if (E.isLeft(result)) return c.json({ error: result.left }, 409);
  return c.json({ id: ownershipId, planId, ownerId, shares: body.shares }, 201);
});

export const handler = handle(app);
