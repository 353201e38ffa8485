import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { rescore } from '#domain/briefing.ts';
import { briefingScored } from '#events/announcements.ts';
import type { OutgoingEvent } from '#events/index.ts';
import { withCorrelationId } from '#functions/commons/correlation.ts';
import { publishEvents } from '#functions/commons/publisher.ts';
import { announcingHead } from '#functions/commons/table/announcing-head.ts';
import { toItems } from '#functions/commons/table/briefings.ts';
import { toOutboxItem } from '#functions/commons/table/outbox.ts';
import { handler as relay } from '#functions/pipeline/relay-events.ts';
import { draft, NOW, source } from '#test/support/fixtures.ts';

const bus = mockClient(EventBridgeClient);
const events = (n: number): OutgoingEvent[] =>
  Array.from({ length: n }, (_, i) => ({ detailType: 'Source Ingested', detail: { eventId: `e-${i}`, schemaVersion: 1 } }));
const opts = { busName: 'bus-test', backoffMs: 1 };

beforeEach(() => bus.reset());

describe('publishEvents', () => {
  it('sends at most 10 entries per PutEvents call', async () => {
    bus.on(PutEventsCommand).callsFake(({ Entries }) => ({ FailedEntryCount: 0, Entries: Entries.map(() => ({ EventId: 'x' })) }));

    const failed = await publishEvents(events(23), opts);

    expect(failed).toEqual([]);
    expect(bus.commandCalls(PutEventsCommand).map((c) => c.args[0].input.Entries!.length)).toEqual([10, 10, 3]);
  });

  it('treats FailedEntryCount > 0 as a failure and retries only the failed entries', async () => {
    bus
      .on(PutEventsCommand)
      .resolvesOnce({ FailedEntryCount: 1, Entries: [{ EventId: 'a' }, { ErrorCode: 'ThrottlingException' }, { EventId: 'c' }] })
      .resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'b' }] });

    const failed = await publishEvents(events(3), opts);

    expect(failed).toEqual([]);
    const retried = bus.commandCalls(PutEventsCommand)[1]!.args[0].input.Entries!;
    expect(retried.map((e) => JSON.parse(e.Detail!).eventId)).toEqual(['e-1']);
  });

  it('reports what still fails after every attempt, never counting it as sent', async () => {
    bus.on(PutEventsCommand).rejects(new Error('ThrottlingException'));
    const failed = await publishEvents(events(2), { ...opts, attempts: 3 });
    expect(failed.map((e) => e.detail.eventId)).toEqual(['e-0', 'e-1']);
    expect(bus.commandCalls(PutEventsCommand)).toHaveLength(3);
  });
});

describe('relay-events (table stream → bus)', () => {
  const record = (e: OutgoingEvent, seq: string) => ({
    eventName: 'INSERT' as const,
    dynamodb: { SequenceNumber: seq, NewImage: marshall(toOutboxItem(e, NOW)) as never },
  });
  const stream = (n: number): DynamoDBStreamEvent => ({ Records: events(n).map((e, i) => record(e, String(100 + i))) });

  it('publishes each outbox record with its detail-type and detail', async () => {
    bus.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: '1' }, { EventId: '2' }] });

    const res = await relay(stream(2));

    expect(res.batchItemFailures).toEqual([]);
    const [entry] = bus.commandCalls(PutEventsCommand)[0]!.args[0].input.Entries!;
    expect(entry).toMatchObject({ Source: 'signal-briefings', DetailType: 'Source Ingested', EventBusName: 'bus-test' });
    // No correlation id was recorded with this outbox item, so the event's own id stands in.
    expect(JSON.parse(entry!.Detail!)).toEqual({ eventId: 'e-0', schemaVersion: 1, correlationId: 'e-0' });
  });

  it('reports the first unpublished record so the stream retries from there', async () => {
    // Prepare: the bus keeps refusing event e-1
    bus.on(PutEventsCommand).callsFake(({ Entries }) => {
      const results = Entries.map((e: { Detail: string }) =>
        JSON.parse(e.Detail).eventId === 'e-1' ? { ErrorCode: 'InternalFailure' } : { EventId: 'ok' },
      );
      return { FailedEntryCount: results.filter((r: object) => 'ErrorCode' in r).length, Entries: results };
    });

    const res = await relay(stream(3));

    expect(res.batchItemFailures).toEqual([{ itemIdentifier: '101' }]);
  });

  it('publishes the Briefing Scored a re-scored head announces, as the announcement the scorer made', async () => {
    bus.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: '1' }] });
    const before = draft();
    const after = rescore(before, [source('direct', 1), source('reporting', 2)], NOW).briefing;
    const head = withCorrelationId('req-7', () => announcingHead(toItems(after)[0]!, before));

    const res = await relay({ Records: [{ eventName: 'MODIFY', dynamodb: { SequenceNumber: '200', NewImage: marshall(head) as never } }] });

    expect(res.batchItemFailures).toEqual([]);
    const [entry] = bus.commandCalls(PutEventsCommand)[0]!.args[0].input.Entries!;
    expect(entry).toMatchObject({ DetailType: 'Briefing Scored' });
    expect(JSON.parse(entry!.Detail!)).toEqual({ ...briefingScored(before, after, NOW).detail, correlationId: 'req-7' });
  });
});
