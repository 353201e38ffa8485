import type { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, ProjectionType, StreamViewType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { TABLE_SCHEMA } from '#functions/commons/table/schema.ts';

/** Props of {@link Data}. */
export interface DataProps {
  removalPolicy: RemovalPolicy;
  deletionProtection: boolean;
}

/**
 * The single table, shaped by TABLE_SCHEMA (the same definition the local stack
 * uses): on-demand, point-in-time recovery, TTL, and a NEW_IMAGE stream for the
 * outbox relay.
 */
export class Data extends Construct {
  readonly table: TableV2;

  constructor(scope: Construct, id: string, props: DataProps) {
    super(scope, id);
    const { gsi1 } = TABLE_SCHEMA;
    // Key types are not in TABLE_SCHEMA; every key the entity modules build is a string.
    this.table = new TableV2(this, 'Table', {
      partitionKey: { name: TABLE_SCHEMA.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_SCHEMA.sortKey, type: AttributeType.STRING },
      globalSecondaryIndexes: [
        {
          indexName: gsi1.indexName,
          partitionKey: { name: gsi1.partitionKey, type: AttributeType.STRING },
          sortKey: { name: gsi1.sortKey, type: AttributeType.STRING },
          projectionType: ProjectionType.INCLUDE,
          nonKeyAttributes: [...gsi1.projectedAttributes],
        },
      ],
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TABLE_SCHEMA.timeToLiveAttribute,
      dynamoStream: StreamViewType[TABLE_SCHEMA.streamView],
      removalPolicy: props.removalPolicy,
      deletionProtection: props.deletionProtection,
    });
  }
}
