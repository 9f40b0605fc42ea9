/**
 * The Cognito user pool: one group per role, one custom attribute per declared scope attribute,
 * the pre-token-generation trigger (V2, so it can add claims to the ACCESS token), and the
 * browser's app client. Users cannot change their own scope: the client may not write any
 * custom attribute; only administrators (IAM) set them.
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  LambdaVersion,
  Mfa,
  StringAttribute,
  UserPool,
  UserPoolOperation,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { ROLE_LABELS, ROLES } from '../../shared/auth/roles.ts';
import type { AuthDecl } from '../../shared/platform/declaration-types.ts';

export interface AuthProps {
  readonly decl: AuthDecl;
  readonly preTokenGeneration: LambdaFunction;
}

export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      featurePlan: FeaturePlan.ESSENTIALS,
      selfSignUpEnabled: false,
      signInAliases: { username: true },
      signInCaseSensitive: false,
      customAttributes: Object.fromEntries(
        props.decl.scopeAttributes.map((name) => [name, new StringAttribute({ mutable: true, maxLen: 64 })]),
      ),
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 5,
      },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.NONE,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'ESSENTIALS is the plan that allows access-token customization, which the scope claims need; PLUS (threat protection, billed per active user) is not bought. Sign-up is closed and MFA (TOTP) is required for every user.',
    });
    this.userPool.addTrigger(
      UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG,
      props.preTokenGeneration,
      LambdaVersion.V2_0,
    );
    for (const role of ROLES) {
      this.userPool.addGroup(`${role}Group`, { groupName: role, description: ROLE_LABELS[role] });
    }
    this.client = this.userPool.addClient('WebClient', {
      generateSecret: false,
      authFlows: { userSrp: true, userPassword: true },
      disableOAuth: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ preferredUsername: true, fullname: true, locale: true })
        .withCustomAttributes(...props.decl.scopeAttributes),
      writeAttributes: new ClientAttributes().withStandardAttributes({ locale: true }),
    });
  }
}
