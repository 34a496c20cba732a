import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  SchedulerClient,
  ServiceQuotaExceededException,
  UpdateScheduleCommand,
  ValidationException,
} from "@aws-sdk/client-scheduler";
import { mockClient } from "aws-sdk-client-mock";
import * as E from "fp-ts/lib/Either.js";
import { beforeEach, describe, expect, it } from "vitest";
import {
  type EventBridgeSchedulerConfig,
  makeEventBridgeScheduler,
} from "./eventbridge-scheduler.ts";

const client = new SchedulerClient({
  region: "ap-northeast-1",
  credentials: { accessKeyId: "test", secretAccessKey: "test" },
});
const sdk = mockClient(client);

const config: EventBridgeSchedulerConfig = {
  client,
  groupName: "owners-staging",
  targetArn: "arn:aws:lambda:ap-northeast-1:123456789012:function:owners-staging-batch",
  roleArn: "arn:aws:iam::123456789012:role/owners-staging-scheduler",
  deadLetterArn: "arn:aws:sqs:ap-northeast-1:123456789012:owners-staging-batch-dlq",
  retry: { maximumAttempts: 3, maximumEventAgeSeconds: 3600 },
};

const target = (input: string) => ({
  Arn: config.targetArn,
  RoleArn: config.roleArn,
  Input: input,
  RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 },
  DeadLetterConfig: { Arn: config.deadLetterArn },
});

const conflict = () =>
  new ConflictException({
    message: "Schedule already exists.",
    Message: "Schedule already exists.",
    $metadata: {},
  });
const notFound = () =>
  new ResourceNotFoundException({
    message: "Schedule does not exist.",
    Message: "Schedule does not exist.",
    $metadata: {},
  });

beforeEach(() => {
  sdk.reset();
});

describe("EventBridge scheduler: recurring", () => {
  it("creates a rate schedule invoking the batch Lambda with the invocation as JSON", async () => {
    sdk.on(CreateScheduleCommand).resolves({ ScheduleArn: "arn:schedule" });
    const result = await makeEventBridgeScheduler(config).scheduleRecurring(
      "close-sales",
      "5 minutes",
      { batch: "close-sales" },
    )();
    expect(E.isRight(result)).toBe(true);
    expect(sdk.calls()).toHaveLength(1);
    expect(sdk.commandCalls(CreateScheduleCommand)[0]?.args[0].input).toEqual({
      Name: "close-sales",
      GroupName: "owners-staging",
      ScheduleExpression: "rate(5 minutes)",
      ScheduleExpressionTimezone: "UTC",
      FlexibleTimeWindow: { Mode: "OFF" },
      State: "ENABLED",
      ActionAfterCompletion: "NONE",
      Target: target('{"batch":"close-sales"}'),
    });
  });

  it("updates with the same full definition when the name already exists", async () => {
    sdk.on(CreateScheduleCommand).rejects(conflict());
    sdk.on(UpdateScheduleCommand).resolves({ ScheduleArn: "arn:schedule" });
    const result = await makeEventBridgeScheduler(config).scheduleRecurring("flush", "1 hour", {
      batch: "flush-outbox",
    })();
    expect(E.isRight(result)).toBe(true);
    const created = sdk.commandCalls(CreateScheduleCommand)[0]?.args[0].input;
    const updated = sdk.commandCalls(UpdateScheduleCommand)[0]?.args[0].input;
    expect(updated).toEqual(created);
    expect(updated).toMatchObject({
      Name: "flush",
      ScheduleExpression: "rate(1 hour)",
      ActionAfterCompletion: "NONE",
    });
  });

  it("omits the group and the dead-letter queue when they are not configured", async () => {
    sdk.on(CreateScheduleCommand).resolves({ ScheduleArn: "arn:schedule" });
    const bare = makeEventBridgeScheduler({
      ...config,
      groupName: undefined,
      deadLetterArn: undefined,
    });
    await bare.scheduleRecurring("r", "1 day", { batch: "export" })();
    const input = sdk.commandCalls(CreateScheduleCommand)[0]?.args[0].input;
    expect(input).not.toHaveProperty("GroupName");
    expect(input?.Target).not.toHaveProperty("DeadLetterConfig");
    expect(input?.ScheduleExpression).toBe("rate(1 day)");
  });

  it("sends nothing for a rate or name EventBridge would refuse", async () => {
    const scheduler = makeEventBridgeScheduler(config);
    for (const task of [
      scheduler.scheduleRecurring("x", "5 mins", { batch: "x" }),
      scheduler.scheduleRecurring("bad name", "5 minutes", { batch: "x" }),
      scheduler.scheduleOnce("x", "soon", { batch: "x" }),
    ]) {
      const result = await task();
      expect(E.isLeft(result) && result.left._tag).toBe("VALIDATION.INVALID");
    }
    expect(sdk.calls()).toHaveLength(0);
  });
});

describe("EventBridge scheduler: one-off", () => {
  it("creates an at() schedule in UTC that deletes itself after running", async () => {
    sdk.on(CreateScheduleCommand).resolves({ ScheduleArn: "arn:schedule" });
    const invocation = { batch: "expire-offer", input: { offerId: "offer_01J" } };
    await makeEventBridgeScheduler(config).scheduleOnce(
      "offer-offer_01J",
      "2026-11-28T21:00:00.250+09:00",
      invocation,
    )();
    expect(sdk.commandCalls(CreateScheduleCommand)[0]?.args[0].input).toEqual({
      Name: "offer-offer_01J",
      GroupName: "owners-staging",
      ScheduleExpression: "at(2026-11-28T12:00:01)",
      ScheduleExpressionTimezone: "UTC",
      FlexibleTimeWindow: { Mode: "OFF" },
      State: "ENABLED",
      ActionAfterCompletion: "DELETE",
      Target: target('{"batch":"expire-offer","input":{"offerId":"offer_01J"}}'),
    });
  });

  it("creates again when the existing one-off vanished between Create and Update", async () => {
    sdk.on(CreateScheduleCommand).rejectsOnce(conflict()).resolves({ ScheduleArn: "arn:schedule" });
    sdk.on(UpdateScheduleCommand).rejects(notFound());
    const result = await makeEventBridgeScheduler(config).scheduleOnce(
      "o",
      "2026-11-28T12:00:00Z",
      { batch: "b" },
    )();
    expect(E.isRight(result)).toBe(true);
    expect(sdk.calls().map((call) => call.args[0].constructor.name)).toEqual([
      "CreateScheduleCommand",
      "UpdateScheduleCommand",
      "CreateScheduleCommand",
    ]);
  });
});

describe("EventBridge scheduler: cancel and failures", () => {
  it("deletes by name in the group, and a missing schedule counts as cancelled", async () => {
    sdk.on(DeleteScheduleCommand).rejects(notFound());
    const result = await makeEventBridgeScheduler(config).cancel("gone")();
    expect(E.isRight(result)).toBe(true);
    expect(sdk.commandCalls(DeleteScheduleCommand)[0]?.args[0].input).toEqual({
      Name: "gone",
      GroupName: "owners-staging",
    });
  });

  it("maps AWS refusals to VALIDATION.INVALID and other failures to SCHEDULER.UNAVAILABLE", async () => {
    const scheduler = makeEventBridgeScheduler(config);
    sdk.on(CreateScheduleCommand).rejects(
      new ValidationException({
        message: "at() is in the past",
        Message: "at() is in the past",
        $metadata: {},
      }),
    );
    const refused = await scheduler.scheduleOnce("o", "2020-01-01T00:00:00Z", { batch: "b" })();
    expect(E.isLeft(refused) && refused.left._tag).toBe("VALIDATION.INVALID");

    sdk.reset();
    sdk.on(CreateScheduleCommand).rejects(
      new ServiceQuotaExceededException({
        message: "too many",
        Message: "too many",
        $metadata: {},
      }),
    );
    const quota = await scheduler.scheduleRecurring("r", "5 minutes", { batch: "b" })();
    expect(quota).toMatchObject(E.left({ _tag: "SCHEDULER.UNAVAILABLE", details: { name: "r" } }));

    sdk.on(DeleteScheduleCommand).rejects(new Error("socket hang up"));
    const cancel = await scheduler.cancel("r")();
    expect(E.isLeft(cancel) && cancel.left._tag).toBe("SCHEDULER.UNAVAILABLE");
  });
});
