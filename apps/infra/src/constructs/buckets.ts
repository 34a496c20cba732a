import { Duration, RemovalPolicy } from "aws-cdk-lib";
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectOwnership,
  StorageClass,
} from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";

/** Where Athena writes query results in the analytics bucket (expired by lifecycle). */
export const ATHENA_RESULTS_PREFIX = "athena-results/";
/** The export's run state (analytics-export-state/ in @owners/analytics' sink). */
export const EXPORT_STATE_PREFIX = "analytics-export-state/";
/** Table files: analytics/<entity>/dt=YYYY-MM-DD/part-*.parquet. */
export const ANALYTICS_PREFIX = "analytics/";

export interface OwnersBucketsProps {
  readonly athenaResultsRetention: Duration;
}

/** What every bucket has: encrypted, private, TLS only, owned by this account, kept on delete. */
const privateBucket = {
  encryption: BucketEncryption.S3_MANAGED,
  blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
  enforceSSL: true,
  objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
  // A bucket with objects cannot be deleted by CloudFormation anyway; keeping it is explicit.
  removalPolicy: RemovalPolicy.RETAIN,
} as const;

/**
 * The stage's buckets: uploads (browser-direct photo uploads by presigned POST), web (the static
 * site, read only by CloudFront), analytics (the export's Parquet files and Athena's results).
 */
export class OwnersBuckets extends Construct {
  readonly uploads: Bucket;
  readonly web: Bucket;
  readonly analytics: Bucket;

  constructor(scope: Construct, id: string, props: OwnersBucketsProps) {
    super(scope, id);
    this.uploads = new Bucket(this, "Uploads", {
      ...privateBucket,
      lifecycleRules: [
        // An upload that never completed leaves parts that are billed but never seen.
        { id: "abort-incomplete-uploads", abortIncompleteMultipartUploadAfter: Duration.days(1) },
        // A deleted or replaced photo is kept a week (versioning) for mistakes, then goes.
        { id: "expire-old-versions", noncurrentVersionExpiration: Duration.days(7) },
        // Uploads land here until verified (copied to photos/); one never verified goes after a day.
        {
          id: "expire-unverified-uploads",
          prefix: "uploads/pending/",
          expiration: Duration.days(1),
        },
      ],
      versioned: true,
    });
    this.web = new Bucket(this, "Web", {
      ...privateBucket,
      // Every deploy replaces the files; old versions only help a rollback of the site.
      versioned: true,
      lifecycleRules: [
        { id: "expire-old-versions", noncurrentVersionExpiration: Duration.days(30) },
      ],
    });
    this.analytics = new Bucket(this, "Analytics", {
      ...privateBucket,
      lifecycleRules: [
        {
          id: "expire-athena-results",
          prefix: ATHENA_RESULTS_PREFIX,
          expiration: props.athenaResultsRetention,
        },
        {
          id: "expire-export-run-state",
          prefix: `${EXPORT_STATE_PREFIX}runs/`,
          expiration: Duration.days(14),
        },
        {
          // Old partitions are read rarely: cheaper storage, same Athena queries.
          id: "tables-to-infrequent-access",
          prefix: ANALYTICS_PREFIX,
          transitions: [
            { storageClass: StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(90) },
          ],
        },
        { id: "abort-incomplete-uploads", abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
    });
  }

  /**
   * The browser POSTs the presigned form straight to the uploads bucket from the site's origin
   * (photos are shown by the API's signed URLs, which an <img> reads without CORS). Added once
   * the site's domain is known.
   */
  allowUploadsFrom(origins: readonly string[]): void {
    this.uploads.addCorsRule({
      allowedMethods: [HttpMethods.POST],
      allowedOrigins: [...origins],
      allowedHeaders: ["*"],
      exposedHeaders: ["ETag", "Location"],
      maxAge: 3600,
    });
  }
}
