import type { RemovalPolicy } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';
import {
  FALLBACK_FUNCTION,
  FUNCTIONS,
  ROUTES,
  STREAM_CONSUMER,
  SUBSCRIPTIONS,
  type FunctionName,
  type FunctionSpec,
} from '../../functions/manifest.ts';
import { pascalCase } from '../naming.ts';
import { BriefingsFunction, type FunctionKind, type TokenTrust } from './briefings-function.ts';

/** What the manifest's functions may be bound to. */
export interface BriefingsFunctionsProps {
  table: ITableV2;
  bus: IEventBus;
  /** For functions that verify optional tokens themselves (`verifiesTokens`). */
  tokens: TokenTrust;
  /** Of the functions' log groups. */
  removalPolicy: RemovalPolicy;
}

/**
 * Every function in `functions/manifest.ts`, each bound to exactly what its
 * manifest entry declares (table access, bus, token verification). Triggers are
 * wired by the capability constructs (API, events, outbox relay).
 */
export class BriefingsFunctions extends Construct {
  private readonly byName = new Map<FunctionName, BriefingsFunction>();

  constructor(scope: Construct, id: string, props: BriefingsFunctionsProps) {
    super(scope, id);
    for (const [name, spec] of Object.entries(FUNCTIONS) as [FunctionName, FunctionSpec][]) {
      const fn = new BriefingsFunction(this, pascalCase(name), {
        entry: spec.entry,
        description: spec.description,
        kind: kindOf(name),
        removalPolicy: props.removalPolicy,
      });
      if (spec.table !== 'none') fn.bindTable({ table: props.table, access: spec.table });
      if (spec.putsEvents) fn.bindBus(props.bus);
      if (spec.verifiesTokens) fn.trustTokens(props.tokens);
      this.byName.set(name, fn);
    }
  }

  /** The deployed function of a manifest entry. */
  get(name: FunctionName): BriefingsFunction {
    const fn = this.byName.get(name);
    if (!fn) throw new Error(`no function "${name}" in the manifest`);
    return fn;
  }
}

/** API if a route or the fallback invokes it, consumer if an event or the stream does; a function with no trigger is a mistake. */
function kindOf(name: FunctionName): FunctionKind {
  const api = name === FALLBACK_FUNCTION || ROUTES.some((route) => route.fn === name);
  const consumer = name === STREAM_CONSUMER || SUBSCRIPTIONS.some((sub) => sub.fn === name);
  if (api && consumer) throw new Error(`function "${name}" is both routed and subscribed; give it one trigger`);
  if (!api && !consumer) throw new Error(`function "${name}" has no route, subscription or stream; nothing would invoke it`);
  return api ? 'api' : 'consumer';
}

