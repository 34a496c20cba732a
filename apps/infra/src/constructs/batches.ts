import { Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import type { IUserPool } from "aws-cdk-lib/aws-cognito";
import type { ITable } from "aws-cdk-lib/aws-dynamodb";
import { Effect, PolicyStatement, Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { Code, Function as LambdaFunction } from "aws-cdk-lib/aws-lambda";
import { SqsDestination } from "aws-cdk-lib/aws-lambda-destinations";
import type { RetentionDays } from "aws-cdk-lib/aws-logs";
import type { IBucket } from "aws-cdk-lib/aws-s3";
import {
  Schedule,
  ScheduleExpression,
  ScheduleGroup,
  ScheduleTargetInput,
} from "aws-cdk-lib/aws-scheduler";
import { LambdaInvoke } from "aws-cdk-lib/aws-scheduler-targets";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { BATCH_SCHEDULES, type BatchSchedule, safetyMarginOf } from "../batch-schedules.ts";
import { ANALYTICS_PREFIX, EXPORT_STATE_PREFIX } from "./buckets.ts";
import { functionLogGroup, LAMBDA_ARCHITECTURE, LAMBDA_RUNTIME } from "./lambda-defaults.ts";
import { grantTableActions, ITEM_ACTIONS, SCAN_ACTIONS } from "./table-access.ts";

/**
 * Reserved concurrency: one invocation per batch at a time. A batch already holds a lease so a
 * second run would only back off, and one sweep at a time cannot crowd out the API's share of the
 * account's concurrency or pile writes on one plan's partition.
 */
export const BATCH_RESERVED_CONCURRENCY = 1;
/** The function for one-off schedules (any batch by the event's `batch`): a few at once. */
export const ONE_OFF_RESERVED_CONCURRENCY = 2;
/** EventBridge Scheduler's retries of an invocation it could not deliver. */
export const SCHEDULE_RETRY_ATTEMPTS = 3;
/** Lambda's own retries of a failed asynchronous run (it resumes from its checkpoint). */
export const ASYNC_RETRY_ATTEMPTS = 2;

/** How notification mail goes out (flush-notifications): SES, addresses from the user pool. */
export interface MailChannel {
  /** OWNERS_SES_FROM: `Name <address>` or `address`, a verified SES identity. */
  readonly from: string;
  readonly userPool: IUserPool;
  /** OWNERS_ADMINS_EMAIL: where messages to the admins go (disputes); absent: not mailed. */
  readonly operators?: string;
}

/** The batch that delivers the outbox. */
export const FLUSH_BATCH = "flush-notifications";

export interface OwnersBatchesProps {
  readonly prefix: string;
  /** Absent: no channel, and the flush schedule is disabled until there is one. */
  readonly mail?: MailChannel;
  readonly bundleDir: string;
  readonly environment: Readonly<Record<string, string>>;
  readonly logRetention: RetentionDays;
  readonly table: ITable;
  readonly analyticsBucket: IBucket;
}

/** A retry is pointless once the next run is due: retry within one period (60 s to 6 h). */
const retryWindowOf = (every: Duration): Duration =>
  Duration.seconds(Math.max(60, Math.min(every.toSeconds(), 6 * 3600)));

/**
 * The batches: one function per batch (its own handler export, memory, timeout and reserved
 * concurrency) run by one EventBridge Scheduler schedule each, plus a function for one-off
 * schedules made at run time. Whatever fails for good, delivery by the scheduler or the run
 * itself after Lambda's retries, lands in one dead-letter queue.
 */
export class OwnersBatches extends Construct {
  readonly functions: ReadonlyMap<string, LambdaFunction>;
  readonly oneOff: LambdaFunction;
  readonly deadLetterQueue: Queue;
  readonly schedulerRole: Role;
  readonly scheduleGroup: ScheduleGroup;
  readonly schedules: readonly Schedule[];

  constructor(scope: Construct, id: string, props: OwnersBatchesProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.deadLetterQueue = new Queue(this, "DeadLetterQueue", {
      queueName: `${props.prefix}-batch-dlq`,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.scheduleGroup = new ScheduleGroup(this, "Group", {
      scheduleGroupName: props.prefix,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // The one role every schedule runs as, the fixed ones here and the API's one-offs.
    this.schedulerRole = new Role(this, "SchedulerRole", {
      roleName: `${props.prefix}-scheduler`,
      assumedBy: new ServicePrincipal("scheduler.amazonaws.com", {
        conditions: { StringEquals: { "aws:SourceAccount": stack.account } },
      }),
      description: "EventBridge Scheduler invokes the OWNERS batch functions",
    });

    const code = Code.fromAsset(props.bundleDir);
    const makeFunction = (
      id: string,
      name: string,
      handler: string,
      schedule: Pick<BatchSchedule, "timeout" | "memoryMb" | "every">,
      reserved: number,
    ): LambdaFunction => {
      const fn = new LambdaFunction(this, id, {
        functionName: `${props.prefix}-${name}`,
        runtime: LAMBDA_RUNTIME,
        architecture: LAMBDA_ARCHITECTURE,
        code,
        handler: `lambda.${handler}`,
        memorySize: schedule.memoryMb,
        timeout: schedule.timeout,
        reservedConcurrentExecutions: reserved,
        environment: {
          ...props.environment,
          OWNERS_BATCH_SAFETY_MARGIN_MS: String(safetyMarginOf(schedule.timeout).toMilliseconds()),
        },
        logGroup: functionLogGroup(this, `${id}Logs`, props.logRetention),
      });
      fn.configureAsyncInvoke({
        retryAttempts: ASYNC_RETRY_ATTEMPTS,
        maxEventAge: retryWindowOf(schedule.every),
        onFailure: new SqsDestination(this.deadLetterQueue),
      });
      grantTableActions(fn, props.table, ITEM_ACTIONS);
      return fn;
    };

    const functions = new Map<string, LambdaFunction>();
    const schedules: Schedule[] = [];
    for (const batch of BATCH_SCHEDULES) {
      const fn = makeFunction(
        `Batch-${batch.name}`,
        batch.name,
        batch.handlerExport,
        batch,
        BATCH_RESERVED_CONCURRENCY,
      );
      functions.set(batch.name, fn);
      schedules.push(
        new Schedule(this, `Schedule-${batch.name}`, {
          scheduleName: batch.name,
          scheduleGroup: this.scheduleGroup,
          enabled: batch.name !== FLUSH_BATCH || props.mail !== undefined,
          description: `OWNERS ${batch.name} every ${batch.every.toHumanString()}`,
          schedule: ScheduleExpression.rate(batch.every),
          target: new LambdaInvoke(fn, {
            input: ScheduleTargetInput.fromObject({ batch: batch.name }),
            role: this.schedulerRole,
            deadLetterQueue: this.deadLetterQueue,
            retryAttempts: SCHEDULE_RETRY_ATTEMPTS,
            maxEventAge: retryWindowOf(batch.every),
          }),
        }),
      );
    }
    this.functions = functions;
    this.schedules = schedules;

    this.oneOff = makeFunction(
      "Batch-one-off",
      "batch",
      "handler",
      { timeout: Duration.minutes(5), memoryMb: 512, every: Duration.hours(1) },
      ONE_OFF_RESERVED_CONCURRENCY,
    );
    this.oneOff.grantInvoke(this.schedulerRole);
    this.deadLetterQueue.grantSendMessages(this.schedulerRole);

    const flush = functions.get(FLUSH_BATCH);
    if (flush !== undefined && props.mail !== undefined) this.wireMail(flush, props.mail);

    // export-analytics reads the whole table and writes the bucket's table files and run state.
    const exporter = functions.get("export-analytics");
    if (exporter !== undefined) {
      grantTableActions(exporter, props.table, SCAN_ACTIONS);
      // A HeadObject of a key not yet written answers 404 only with ListBucket (else 403).
      exporter.addToRolePolicy(
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: ["s3:ListBucket"],
          resources: [props.analyticsBucket.bucketArn],
        }),
      );
      exporter.addToRolePolicy(
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: ["s3:GetObject", "s3:PutObject"],
          resources: [
            props.analyticsBucket.arnForObjects(`${ANALYTICS_PREFIX}*`),
            props.analyticsBucket.arnForObjects(`${EXPORT_STATE_PREFIX}*`),
          ],
        }),
      );
    }
  }

  /**
   * The flush sends through SES v2 (SendEmail from the sender's identity) and looks each
   * recipient up in the user pool (AdminGetUser, ListUsers by sub): packages/adapter-ses.
   */
  private wireMail(fn: LambdaFunction, mail: MailChannel): void {
    fn.addEnvironment("OWNERS_NOTIFIER", "ses");
    fn.addEnvironment("OWNERS_SES_FROM", mail.from);
    fn.addEnvironment("OWNERS_USER_POOL_ID", mail.userPool.userPoolId);
    if (mail.operators !== undefined) fn.addEnvironment("OWNERS_ADMINS_EMAIL", mail.operators);
    const address = /<([^>]+)>/.exec(mail.from)?.[1] ?? mail.from;
    const domain = address.slice(address.indexOf("@") + 1);
    const stack = Stack.of(this);
    // The identity SES authorizes against is the verified address or its domain.
    fn.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ["ses:SendEmail"],
        resources: [address, domain].map((identity) =>
          stack.formatArn({ service: "ses", resource: "identity", resourceName: identity }),
        ),
      }),
    );
    fn.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ["cognito-idp:AdminGetUser", "cognito-idp:ListUsers"],
        resources: [mail.userPool.userPoolArn],
      }),
    );
  }

  /** Every batch function, the one-off one included. */
  get allFunctions(): readonly LambdaFunction[] {
    return [...this.functions.values(), this.oneOff];
  }
}
