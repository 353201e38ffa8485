import { Duration, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import { AccountRecovery, Mfa, UserPool, type UserPoolClient, UserPoolEmail, UserPoolOperation } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { GROUP_DESCRIPTIONS, GROUPS, type GroupName } from '#domain/access.ts';
import { pascalCase } from '#infra/naming.ts';
import type { StageConfig } from '#infra/stage-config.ts';

/** Props of {@link Identity}. */
export interface IdentityProps {
  removalPolicy: RemovalPolicy;
  deletionProtection: boolean;
  /** Send the pool's mail through SES as this identity (the stage's `email`); Cognito's own sender without it. */
  email?: StageConfig['email'];
}

/**
 * Readers and staff: a Cognito user pool with email sign-in and self sign-up, the
 * groups of `domain/access.ts` (tiers and staff roles), and one app client with
 * short-lived tokens. Groups only carry entitlements into tokens; the records in
 * the table are the truth, and the API checks them on every signed-in request.
 */
export class Identity extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  /** The `iss` claim of this pool's tokens, checked by the API's authorizer and by handlers alike. */
  readonly issuer: string;

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      signInAliases: { email: true },
      selfSignUpEnabled: true,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Stated rather than left to Cognito's default, so a reviewer sees it and cdk-nag checks it.
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // Staff and Leadership members can add an authenticator app; readers are not made to (see the COG2 acknowledgement).
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      removalPolicy: props.removalPolicy,
      deletionProtection: props.deletionProtection,
      email: props.email
        ? UserPoolEmail.withSES({
            fromEmail: props.email.fromAddress,
            fromName: props.email.fromName,
            sesVerifiedDomain: props.email.sesVerifiedDomain,
            sesRegion: props.email.sesRegion,
          })
        : UserPoolEmail.withCognito(),
    });
    for (const groupName of Object.keys(GROUPS) as GroupName[]) {
      this.userPool.addGroup(pascalCase(groupName), { groupName, description: GROUP_DESCRIPTIONS[groupName] });
    }
    this.client = this.userPool.addClient('AppClient', {
      // USER_PASSWORD_AUTH for scripts and tests; SRP for browser and mobile sign-in.
      authFlows: { userPassword: true, userSrp: true },
      // Short-lived tokens: a revoked tier or role stops working within 15 minutes.
      accessTokenValidity: Duration.minutes(15),
      idTokenValidity: Duration.minutes(15),
      refreshTokenValidity: Duration.days(30),
      preventUserExistenceErrors: true,
      // No hosted UI, so no OAuth flows or placeholder callback URLs.
      disableOAuth: true,
    });
    this.issuer = `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;
  }

  /**
   * Invokes `fn` when a reader confirms their sign-up (post-confirmation
   * trigger). The pool names the function and the function's permission names
   * the pool; the function itself must not be granted rights on the pool, or the
   * two would depend on each other.
   */
  onSignUpConfirmed(fn: IFunction): void {
    this.userPool.addTrigger(UserPoolOperation.POST_CONFIRMATION, fn);
  }
}
