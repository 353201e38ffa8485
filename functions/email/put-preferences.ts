/**
 * PUT /me/preferences — the caller chooses instant or daily emails of their alerts, or none, and their language
 * (default: Accept-Language, else English). The address is the account's verified one, read from the user pool
 * (never from the body: nobody can subscribe someone else's address). A daily preference puts the member in the
 * digest planner's index partition; any other takes them out. Setting a preference again after the unsubscribe
 * link turned email off turns it back on.
 */
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { emailLanguage, type Preferences, PreferencesInput, preferencesView } from '#domain/email.ts';
import { ValidationError } from '#domain/errors.ts';
import { parseAcceptLanguage } from '#domain/language.ts';
import { cognito } from '#functions/commons/clients/cognito.ts';
import { config } from '#functions/commons/config.ts';
import { httpRoute, json } from '#functions/commons/http.ts';
import { getPreferences, isSuppressed, putPreferences } from '#functions/commons/table/email.ts';

/** The account's verified address, or undefined when it has none. */
async function verifiedAddress(userId: string): Promise<string | undefined> {
  const { UserAttributes = [] } = await cognito.send(new AdminGetUserCommand({ UserPoolId: config.userPoolId, Username: userId }));
  const attribute = (name: string) => UserAttributes.find((a) => a.Name === name)?.Value;
  return attribute('email_verified') === 'true' ? attribute('email') : undefined;
}

export const handler = httpRoute({ access: 'signed-in', body: PreferencesInput }, async ({ body, viewer, now, event }) => {
  const userId = viewer.userId!;
  const email = await verifiedAddress(userId);
  if (!email)
    throw new ValidationError('the account has no verified email address', [{ pointer: '#/delivery', detail: 'verify an email address first' }]);
  const previous = await getPreferences(userId);
  const accepted = parseAcceptLanguage(event.headers?.['accept-language']).map((r) => r.tag);
  const next: Preferences = {
    userId,
    delivery: body.delivery,
    language: body.language ? emailLanguage(body.language) : (previous?.language ?? emailLanguage(undefined, accepted)),
    email,
    updatedAt: now.toISOString(),
  };
  await putPreferences(next);
  return json(200, preferencesView(next, await isSuppressed(email)), { 'cache-control': 'private, no-store' });
});
