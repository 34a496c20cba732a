import {
  ConflictException,
  CreateScheduleCommand,
  type CreateScheduleInput,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  type SchedulerClient,
  UpdateScheduleCommand,
  ValidationException,
} from "@aws-sdk/client-scheduler";
import {
  type AppError,
  appError,
  atExpression,
  type BatchInvocation,
  parseRate,
  rateExpression,
  type Scheduler,
  validateScheduleName,
} from "@owners/app";
import { domainError } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";

export interface EventBridgeSchedulerConfig {
  readonly client: SchedulerClient;
  /** The stage's schedule group (the CDK stack creates it); EventBridge's "default" when absent. */
  readonly groupName?: string;
  /** The batch Lambda every schedule invokes with the invocation as its event. */
  readonly targetArn: string;
  /** The role EventBridge Scheduler assumes to invoke the target. */
  readonly roleArn: string;
  /** Where an invocation goes once its retries are spent (an SQS queue ARN). */
  readonly deadLetterArn?: string;
  readonly retry: {
    /** 0..185 retries after the first attempt. */
    readonly maximumAttempts: number;
    /** 60..86400 seconds during which retries are made. */
    readonly maximumEventAgeSeconds: number;
  };
}

type ScheduleRequest = CreateScheduleInput;

/** The SDK's own words (which may name accounts and roles) go in `cause`, for logs only. */
const causeOf = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

const unavailable = (operation: string, name: string, error: unknown): AppError =>
  appError("SCHEDULER.UNAVAILABLE", `EventBridge Scheduler ${operation} of ${name} failed`, {
    name,
    cause: causeOf(error),
  });

const toAppError =
  (operation: string, name: string) =>
  (error: unknown): AppError =>
    error instanceof ValidationException
      ? domainError("VALIDATION.INVALID", `EventBridge Scheduler refused ${name}`, {
          name,
          cause: causeOf(error),
        })
      : unavailable(operation, name, error);

/**
 * The Scheduler on EventBridge Scheduler. Every schedule invokes the batch Lambda with the
 * invocation as JSON, with the configured retry policy and dead-letter queue. Scheduling is
 * idempotent by name: CreateSchedule, and UpdateSchedule with the full definition when the name
 * exists. One-offs delete themselves after running (ActionAfterCompletion DELETE). Times are UTC.
 */
export const makeEventBridgeScheduler = (config: EventBridgeSchedulerConfig): Scheduler => {
  const { client } = config;
  const group = config.groupName === undefined ? {} : { GroupName: config.groupName };

  const request = (
    name: string,
    expression: string,
    invocation: BatchInvocation,
    afterCompletion: "NONE" | "DELETE",
  ): ScheduleRequest => ({
    Name: name,
    ...group,
    ScheduleExpression: expression,
    ScheduleExpressionTimezone: "UTC",
    FlexibleTimeWindow: { Mode: "OFF" },
    State: "ENABLED",
    ActionAfterCompletion: afterCompletion,
    Target: {
      Arn: config.targetArn,
      RoleArn: config.roleArn,
      Input: JSON.stringify(invocation),
      RetryPolicy: {
        MaximumRetryAttempts: config.retry.maximumAttempts,
        MaximumEventAgeInSeconds: config.retry.maximumEventAgeSeconds,
      },
      ...(config.deadLetterArn === undefined
        ? {}
        : { DeadLetterConfig: { Arn: config.deadLetterArn } }),
    },
  });

  // Create; if the name exists, replace it; if it vanished meanwhile (a one-off that ran), create again.
  const upsert = (input: ScheduleRequest): TE.TaskEither<AppError, void> =>
    TE.tryCatch(
      async () => {
        try {
          await client.send(new CreateScheduleCommand(input));
          return;
        } catch (error) {
          if (!(error instanceof ConflictException)) throw error;
        }
        try {
          await client.send(new UpdateScheduleCommand(input));
        } catch (error) {
          if (!(error instanceof ResourceNotFoundException)) throw error;
          await client.send(new CreateScheduleCommand(input));
        }
      },
      toAppError("upsert", input.Name ?? ""),
    );

  return {
    scheduleRecurring: (name, rate, invocation) =>
      pipe(
        validateScheduleName(name),
        E.chain(() => parseRate(rate)),
        E.map((parsed) => request(name, rateExpression(parsed), invocation, "NONE")),
        TE.fromEither,
        TE.chain(upsert),
      ),
    scheduleOnce: (name, at, invocation) =>
      pipe(
        validateScheduleName(name),
        E.chain(() => atExpression(at)),
        E.map((expression) => request(name, expression, invocation, "DELETE")),
        TE.fromEither,
        TE.chain(upsert),
      ),
    cancel: (name) =>
      TE.tryCatch(
        async () => {
          try {
            await client.send(new DeleteScheduleCommand({ Name: name, ...group }));
          } catch (error) {
            if (!(error instanceof ResourceNotFoundException)) throw error;
          }
        },
        toAppError("delete", name),
      ),
  };
};
