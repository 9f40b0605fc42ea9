/**
 * cdk-nag (v3): the AWS Solutions rules run as a policy validation plugin at synth, and the
 * helpers that acknowledge a finding where the thing that causes it is made.
 */
import { Stack, Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';

export const addNagChecks = (app: App): void => {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
};

/** Acknowledge `AwsSolutions-IAM5[Action::<action>]` on `scope` (a role or what holds it). */
export const acknowledgeWildcardAction = (scope: IConstruct, action: string, reason: string): void => {
  Validations.of(scope).acknowledge({ id: `AwsSolutions-IAM5[Action::${action}]`, reason });
};

/**
 * Acknowledge `AwsSolutions-IAM5[Resource::<resource>]` for a resource pattern such as
 * `${bucket.bucketArn}/*`. cdk-nag names the finding after the resource as it appears in this
 * stack's template; for a resource of another stack that is the cross-stack reference, which
 * CDK only writes while preparing the app. So the id is worked out in a validation hook, which
 * runs after that and before the plugins, with cdk-nag's own flattening.
 */
export const acknowledgeWildcardResource = (scope: IConstruct, resource: string, reason: string): void => {
  scope.node.addValidation({
    validate: () => {
      const rendered = flattenCfnReference(Stack.of(scope).resolve(resource));
      Validations.of(scope).acknowledge({ id: `AwsSolutions-IAM5[Resource::${rendered}]`, reason });
      return [];
    },
  });
};
