/**
 * The Cognito user pool: one group per role, one custom attribute per declared scope attribute,
 * the pre-token-generation trigger (V3, so it can add claims to the ACCESS token, client
 * credentials included), and the browser's app client. Users cannot change their own scope: the
 * client may not write any custom attribute; only administrators (IAM) set them.
 * Department machine clients (`departmentClients`) are confidential app clients with the client
 * credentials flow, through the resource server `fangpinbao` and the user pool domain's token
 * endpoint; see `shared/auth/department-clients.ts`.
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  LambdaVersion,
  Mfa,
  OAuthScope,
  ResourceServerScope,
  StringAttribute,
  UserPool,
  UserPoolOperation,
  type CfnUserPoolClient,
  type UserPoolClient,
  type UserPoolDomain,
  type UserPoolResourceServer,
} from 'aws-cdk-lib/aws-cognito';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { ROLE_LABELS, ROLES } from '../../shared/auth/roles.ts';
import type { DepartmentClientScope } from '../../shared/auth/identity.ts';
import {
  DEPARTMENT_CLIENTS_ENV,
  departmentScopeName,
  PUSH_SCOPE,
  RESOURCE_SERVER_ID,
} from '../../shared/auth/department-clients.ts';
import type { AuthDecl } from '../../shared/platform/declaration-types.ts';
import { constructId } from './names.ts';

export interface AuthProps {
  readonly decl: AuthDecl;
  readonly preTokenGeneration: LambdaFunction;
  /** One confidential client-credentials app client each (context `fangpinbao:departmentClients`). */
  readonly departmentClients: readonly DepartmentClientScope[];
}

export interface DepartmentClient {
  readonly scope: DepartmentClientScope;
  readonly client: UserPoolClient;
}

export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly resourceServer: UserPoolResourceServer;
  readonly domain: UserPoolDomain;
  readonly departmentClients: readonly DepartmentClient[];

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
      LambdaVersion.V3_0,
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
    props.preTokenGeneration.addEnvironment(DEPARTMENT_CLIENTS_ENV, JSON.stringify(props.departmentClients));
    ({
      resourceServer: this.resourceServer,
      domain: this.domain,
      clients: this.departmentClients,
    } = this.machineAccess(props.departmentClients));
  }

  /** The resource server, the domain for the token endpoint, and one client per department client. */
  private machineAccess(registered: readonly DepartmentClientScope[]) {
    const push = new ResourceServerScope({ scopeName: PUSH_SCOPE, scopeDescription: '部门推送转介数据' });
    const registrations = registered.map((client) => ({
      client,
      scope: new ResourceServerScope({
        scopeName: departmentScopeName(client),
        scopeDescription: `${client.countyCode} ${client.department}`,
      }),
    }));
    const resourceServer = this.userPool.addResourceServer('ResourceServer', {
      identifier: RESOURCE_SERVER_ID,
      userPoolResourceServerName: '防贫保 API',
      scopes: [push, ...registrations.map((r) => r.scope)],
    });
    const domain = this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: `fangpinbao-${Stack.of(this).account}` },
    });
    const clients = registrations.map(({ client: scope, scope: ownScope }) => {
      const client = this.userPool.addClient(
        `${constructId(`${scope.department}-${scope.countyCode}`)}Client`,
        {
          userPoolClientName: `department-${scope.countyCode}-${scope.department}`,
          generateSecret: true,
          oAuth: {
            flows: { clientCredentials: true },
            scopes: [
              OAuthScope.resourceServer(resourceServer, push),
              OAuthScope.resourceServer(resourceServer, ownScope),
            ],
          },
          accessTokenValidity: Duration.hours(1),
          preventUserExistenceErrors: true,
          enableTokenRevocation: true,
        },
      );
      // No sign-in flows: the client only gets tokens by client credentials.
      (client.node.defaultChild as CfnUserPoolClient).explicitAuthFlows = ['ALLOW_REFRESH_TOKEN_AUTH'];
      new CfnOutput(this, `${constructId(`${scope.department}-${scope.countyCode}`)}ClientId`, {
        value: client.userPoolClientId,
        description: `部门客户端 ${scope.countyCode} ${scope.department}`,
      });
      return { scope, client };
    });
    new CfnOutput(this, 'TokenEndpoint', { value: `${domain.baseUrl()}/oauth2/token` });
    return { resourceServer, domain, clients };
  }
}
