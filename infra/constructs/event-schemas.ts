import { Stack } from 'aws-cdk-lib';
import { CfnRegistry, CfnSchema } from 'aws-cdk-lib/aws-eventschemas';
import { Construct } from 'constructs';
import { CONTRACTS, type EventContract } from '#events/index.ts';
import { contractId, eventBridgeSchema, registrySchemaName } from '#events/schemas.ts';

/** Props of {@link EventSchemas}. */
export interface EventSchemasProps {
  /** The contracts to register (default: every contract in events/). */
  contracts?: readonly EventContract[];
}

/**
 * An EventBridge Schema Registry holding one schema per event contract,
 * generated from its zod schema (events/schemas.ts): the whole event in JSON
 * Schema draft-04, named `signal-briefings@<DetailType>` after AWS's own
 * schemas. Teams find the contracts in the console or with `aws schemas
 * describe-schema` and validate against them; each content change becomes a
 * new version of the schema in the registry.
 */
export class EventSchemas extends Construct {
  readonly registry: CfnRegistry;
  readonly schemas: CfnSchema[];

  constructor(scope: Construct, id: string, props: EventSchemasProps = {}) {
    super(scope, id);
    this.registry = new CfnRegistry(this, 'Registry', {
      // One registry per stack (stage); the schema names inside it are the same in every stage.
      registryName: `${Stack.of(this).stackName}-events`,
      description: 'Event contracts of the signal-briefings bus (events/*.ts), one schema per detail-type',
    });
    this.schemas = (props.contracts ?? CONTRACTS).map(
      (contract) =>
        new CfnSchema(this, contractId(contract), {
          registryName: this.registry.attrRegistryName,
          schemaName: registrySchemaName(contract),
          type: 'JSONSchemaDraft4',
          content: JSON.stringify(eventBridgeSchema(contract)),
          description: `${contract.detailType} v${contract.schemaVersion}: ${contract.summary}`.slice(0, 256),
        }),
    );
  }
}
