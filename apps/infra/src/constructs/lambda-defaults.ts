import { RemovalPolicy } from "aws-cdk-lib";
import { Architecture, Runtime } from "aws-cdk-lib/aws-lambda";
import { LogGroup, type RetentionDays } from "aws-cdk-lib/aws-logs";
import type { Construct } from "constructs";

/**
 * Every OWNERS function: Node.js 22 on Graviton (arm64: about 20% cheaper per GB-second, and the
 * bundles are plain JavaScript, nothing native), ESM bundles whose entry is `lambda.mjs`.
 */
export const LAMBDA_RUNTIME = Runtime.NODEJS_22_X;
export const LAMBDA_ARCHITECTURE = Architecture.ARM_64;

/** A function's log group, created by the stack so that its retention is set and it goes with it. */
export const functionLogGroup = (
  scope: Construct,
  id: string,
  retention: RetentionDays,
): LogGroup => new LogGroup(scope, id, { retention, removalPolicy: RemovalPolicy.DESTROY });
