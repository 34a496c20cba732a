import { Duration, RemovalPolicy } from "aws-cdk-lib";
import type { RetentionDays } from "aws-cdk-lib/aws-logs";
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from "aws-cdk-lib/aws-s3";
import type { Construct } from "constructs";

/** Where CloudFront writes its access logs in the log bucket. */
export const CDN_LOG_PREFIX = "cloudfront/";

/**
 * CloudFront's standard access logs. CloudFront delivers them with an object ACL, so this bucket
 * (unlike the others) lets the object writer own objects; public access stays blocked. Kept as
 * long as the stage keeps its function logs, then expired.
 */
export const accessLogBucket = (scope: Construct, id: string, retention: RetentionDays): Bucket =>
  new Bucket(scope, id, {
    encryption: BucketEncryption.S3_MANAGED,
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    objectOwnership: ObjectOwnership.OBJECT_WRITER,
    // Kept if the stack goes (a non-empty bucket cannot be deleted); the lifecycle empties it.
    removalPolicy: RemovalPolicy.RETAIN,
    lifecycleRules: [{ id: "expire-logs", expiration: Duration.days(retention) }],
  });
