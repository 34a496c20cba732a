/**
 * The baseline the API's Lambda is measured against: the same libraries doing the least an API
 * Lambda does (Hono on hono/aws-lambda, a DynamoDB document client behind an inversify container,
 * fp-ts around the read), answering GET /plans/{id} with one GetItem. Bundled exactly like the
 * API's Lambda. Configured from the environment by the benchmark.
 */
import "reflect-metadata";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { Hono } from "hono";
import { handle } from "hono/aws-lambda";
import { Container } from "inversify";

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
/** The plan item's key layout ({PK, SK} with `{id}` in place of the plan id). */
const keyTemplate = process.env.BASELINE_KEY_TEMPLATE ?? '{"PK":"PLAN#{id}","SK":"PLAN"}';

const app = new Hono();
app.get("/plans/:id", async (c) => {
  const key = JSON.parse(keyTemplate.replaceAll("{id}", c.req.param("id"))) as Record<
    string,
    string
  >;
  const found = await pipe(
    TE.tryCatch(
      () => doc.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true })),
      String,
    ),
    TE.map((output) => output.Item),
  )();
  if (E.isLeft(found)) return c.json({ error: found.left }, 500);
  return found.right === undefined ? c.json({ error: "not found" }, 404) : c.json(found.right);
});

export const handler = handle(app);
