import { Stack, type StackProps } from "aws-cdk-lib";
import type { Construct } from "constructs";
import { OwnersWebAcl } from "./constructs/waf.ts";
import type { StageSettings } from "./stages.ts";

export interface OwnersEdgeStackProps extends StackProps {
  readonly stage: StageSettings;
  readonly prefix: string;
}

/**
 * What CloudFront needs from us-east-1, one small stack per stage: the WAF WebACL (scope
 * CLOUDFRONT exists only there). The stage's stack reads its ARN through CDK's cross-region
 * references (an SSM parameter written here, read by a custom resource there), and `cdk deploy
 * owners-<stage>` deploys this stack first as its dependency.
 */
export class OwnersEdgeStack extends Stack {
  readonly webAclArn: string;

  constructor(scope: Construct, id: string, props: OwnersEdgeStackProps) {
    super(scope, id, props);
    const { webAcl } = new OwnersWebAcl(this, "Waf", {
      prefix: props.prefix,
      perIp: props.stage.waf.perIp,
      sensitive: props.stage.waf.sensitive,
      webhooks: props.stage.waf.webhooks,
    });
    this.webAclArn = webAcl.attrArn;
  }
}
