/** The Cognito user pool admin client, created once per execution environment (the membership functions import it). */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';

export const cognito = new CognitoIdentityProviderClient({});
