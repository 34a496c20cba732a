import { CreateScheduleCommand, SchedulerClient } from "@aws-sdk/client-scheduler";
import { mockClient } from "aws-sdk-client-mock";
import * as E from "fp-ts/lib/Either.js";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { readConfig } from "../config.ts";
import { createApi } from "./container.ts";

const ARN = "arn:aws:lambda:ap-northeast-1:123456789012:function:owners-staging-batch-one-off";
const aws = {
  OWNERS_STORE: "dynamodb",
  OWNERS_CURSOR_SECRET: "api-test-cursor-secret-0123",
  OWNERS_JWKS_URL: "https://cognito-idp.ap-northeast-1.amazonaws.com/pool/.well-known/jwks.json",
  OWNERS_SCHEDULE_GROUP: "owners-staging",
  OWNERS_SCHEDULER_ROLE_ARN: "arn:aws:iam::123456789012:role/owners-staging-scheduler",
  OWNERS_SCHEDULER_TARGET_ARN: ARN,
  OWNERS_SCHEDULER_DLQ_ARN: "arn:aws:sqs:ap-northeast-1:123456789012:owners-staging-batch-dlq",
};

describe("one-off schedules in AWS (the stack's OWNERS_SCHEDULE* settings)", () => {
  // Every SchedulerClient, including the one the API loads on demand, answers from this mock.
  const scheduler = mockClient(SchedulerClient);
  afterEach(() => scheduler.reset());

  it("go to EventBridge Scheduler in the stage's group, invoking the batch Lambda with a DLQ", async () => {
    scheduler.on(CreateScheduleCommand).resolves({});
    const api = createApi(readConfig(aws), { logger: pino({ level: "silent" }) });
    const made = await api.ports.scheduler.scheduleOnce(
      "offer-expiry-offer_1",
      "2026-07-01T09:30:00.000Z",
      { batch: "expire-offers" },
    )();
    expect(E.isRight(made)).toBe(true);
    const [call] = scheduler.commandCalls(CreateScheduleCommand);
    expect(call?.args[0].input).toMatchObject({
      Name: "offer-expiry-offer_1",
      GroupName: "owners-staging",
      ScheduleExpression: "at(2026-07-01T09:30:00)",
      ActionAfterCompletion: "DELETE",
      Target: {
        Arn: ARN,
        RoleArn: aws.OWNERS_SCHEDULER_ROLE_ARN,
        Input: JSON.stringify({ batch: "expire-offers" }),
        DeadLetterConfig: { Arn: aws.OWNERS_SCHEDULER_DLQ_ARN },
      },
    });
  });

  it("are not made without those settings (locally; the periodic batch acts)", async () => {
    const { OWNERS_SCHEDULE_GROUP: _group, ...withoutGroup } = aws;
    const api = createApi(readConfig(withoutGroup), { logger: pino({ level: "silent" }) });
    await api.ports.scheduler.scheduleOnce("offer-expiry-offer_1", "2026-07-01T09:30:00.000Z", {
      batch: "expire-offers",
    })();
    expect(scheduler.commandCalls(CreateScheduleCommand)).toHaveLength(0);
  });
});
