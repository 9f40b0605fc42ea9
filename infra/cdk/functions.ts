/**
 * One NodejsFunction per declared function: Node.js 22 on arm64, an ESM bundle, its own log
 * group and its own role that may write only to that log group. Access to tables, buckets and
 * state machines is added afterwards by `grants.ts`, from the same declaration.
 */
import fs from 'node:fs';
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { FunctionDecl } from '../../shared/platform/declaration-types.ts';
import { constructId } from './names.ts';
import { fromRoot, repoRoot } from './paths.ts';
import { LOG_RETENTION } from './retention.ts';

/** esbuild's ESM output has no `require`; some dependencies still call it. */
const REQUIRE_BANNER =
  "import { createRequire as __fpbCreateRequire } from 'node:module'; const require = __fpbCreateRequire(import.meta.url);";

/**
 * The handler's code. When this stack is not being bundled (`cdk ls`, infra tests) a handler
 * file that another engineer has not written yet must not stop the synth, so a stub stands in;
 * when the stack is bundled, a missing handler is an error.
 */
const codeOrEntry = (
  scope: Construct,
  decl: FunctionDecl,
): { entry: string } | { code: Code; handler: string } => {
  const entry = fromRoot(decl.entry);
  if (fs.existsSync(entry)) return { entry };
  if (Stack.of(scope).bundlingRequired) {
    throw new Error(`function ${decl.name}: handler file ${decl.entry} does not exist`);
  }
  return { code: Code.fromInline(`// ${decl.entry} is not written yet`), handler: 'index.handler' };
};

export class DeclaredFunction extends Construct {
  readonly decl: FunctionDecl;
  readonly fn: NodejsFunction;
  readonly role: Role;

  constructor(scope: Construct, decl: FunctionDecl) {
    super(scope, constructId(decl.name));
    this.decl = decl;
    const logGroup = new LogGroup(this, 'Logs', { retention: LOG_RETENTION });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Fangpinbao function ${decl.name}`,
    });
    logGroup.grantWrite(this.role);
    this.fn = new NodejsFunction(this, 'Function', {
      ...codeOrEntry(this, decl),
      description: decl.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: decl.memoryMb,
      timeout: Duration.seconds(decl.timeoutSeconds),
      role: this.role,
      logGroup,
      projectRoot: repoRoot,
      depsLockFilePath: fromRoot('package-lock.json'),
      environment: {
        POWERTOOLS_SERVICE_NAME: 'fangpinbao',
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        banner: REQUIRE_BANNER,
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        externalModules: [],
      },
    });
    Validations.of(this.fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 (LTS) is the runtime the project targets and tests its bundles on; moving to 24.x is a deliberate upgrade of every function at once, not a drift.',
    });
  }
}
