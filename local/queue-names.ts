/** The local email queues, by the role they play (infra/constructs/email.ts deploys them; local/queues.ts runs them here). */
export const LOCAL_QUEUES = { plan: 'digest-plan', send: 'email-send' } as const;
