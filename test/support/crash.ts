/**
 * Shared by the crash test (test/integration/crash.test.ts) and the stack process it kills
 * (test/support/stack-process.ts): a seeded random number generator, so a failing round
 * can be replayed, and a recorder of the events consumers act on, kept on disk in the data
 * directory, so what several killed processes announced can be counted afterwards.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalEventBus } from '#local/event-bus.ts';

/** mulberry32: a small, fast, seedable generator (uniform in [0, 1)). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The events whose consumers change state; each delivery is recorded. */
export const RECORDED_EVENTS = ['Source Ingested', 'Briefing Scored', 'Briefing Published'] as const;

export interface RecordedEvent {
  detailType: string;
  eventId: string;
  briefingId: string;
  /** `briefingVersion` of Briefing Scored and Briefing Published; `sourceId` of Source Ingested. */
  subject: string;
}

const recordFile = (dataDir: string) => join(dataDir, 'recorded-events.jsonl');

/**
 * Subscribes a rule, as any outside consumer would, that appends every delivery of the recorded events
 * to `<dataDir>/recorded-events.jsonl` (synchronously, before the delivery counts as done, so a kill
 * loses a line only for a delivery the journal makes again after the restart).
 */
export function recordEvents(bus: LocalEventBus, dataDir: string): void {
  bus.subscribe({
    rule: 'TestRecorder',
    target: 'test-recorder',
    pattern: { source: ['signal-briefings'], 'detail-type': [...RECORDED_EVENTS] },
    invoke: async (event) => {
      const d = event.detail as Record<string, unknown>;
      const line: RecordedEvent = {
        detailType: event['detail-type'],
        eventId: String(d['eventId']),
        briefingId: String(d['briefingId']),
        subject: String(d['briefingVersion'] ?? d['sourceId']),
      };
      appendFileSync(recordFile(dataDir), `${JSON.stringify(line)}\n`);
    },
  });
}

export function recordedEvents(dataDir: string): RecordedEvent[] {
  const file = recordFile(dataDir);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as RecordedEvent];
      } catch {
        return []; // torn by a kill
      }
    });
}
