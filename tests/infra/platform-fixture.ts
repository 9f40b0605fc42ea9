/**
 * The platform as `infra/cdk/app.ts` builds it (same declaration, same cdk.json feature flags),
 * with bundling skipped so the infra tests neither run esbuild nor need every handler written.
 */
import fs from 'node:fs';
import { App, Stack, type AppProps, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { buildPlatform, type Platform } from '../../infra/cdk/platform.ts';
import { declaration } from '../../shared/platform/declaration.ts';
import type { PlatformDeclaration } from '../../shared/platform/declaration-types.ts';

const cdkJson = JSON.parse(fs.readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>;
};

export const testApp = (props: AppProps = {}): App =>
  new App({ ...props, context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [], ...props.context } });

export interface SynthesizedPlatform extends Platform {
  readonly app: App;
  readonly statefulTemplate: Template;
  readonly statelessTemplate: Template;
  readonly apiTemplate: Template;
}

export const synthPlatform = (decl: PlatformDeclaration = declaration): SynthesizedPlatform => {
  const app = testApp();
  const platform = buildPlatform(app, decl);
  return {
    app,
    ...platform,
    statefulTemplate: Template.fromStack(platform.stateful),
    statelessTemplate: Template.fromStack(platform.stateless),
    apiTemplate: Template.fromStack(platform.api),
  };
};

/**
 * Whether a value is a cross-stack reference (an import or a weak `Fn::GetStackOutput`) to the
 * construct: the output's name carries the construct's logical id.
 */
export const refersTo = (value: unknown, construct: IConstruct): boolean => {
  const text = JSON.stringify(value) ?? '';
  return /Fn::ImportValue|Fn::GetStackOutput/.test(text) && text.includes(logicalIdOf(construct));
};

/** The logical id of a construct's CloudFormation resource (its default child). */
export const logicalIdOf = (construct: IConstruct): string => {
  const resource = construct.node.defaultChild;
  if (!resource) throw new Error(`${construct.node.path} has no CloudFormation resource`);
  return Stack.of(construct).getLogicalId(resource as CfnElement);
};

export interface CfnResource {
  readonly Type: string;
  readonly Properties: Record<string, unknown>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
}

export const resourceOf = (template: Template, construct: IConstruct): CfnResource => {
  const resources = template.toJSON().Resources as Record<string, CfnResource>;
  const resource = resources[logicalIdOf(construct)];
  if (!resource) throw new Error(`no resource for ${construct.node.path}`);
  return resource;
};
