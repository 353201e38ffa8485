/** Briefing Scored v1: a briefing's confidence score or grade changed. */
import * as z from 'zod';
import { GRADES } from '../domain/scoring.ts';
import { defineEvent } from './contract.ts';

const ScoreSnapshot = z.object({ score: z.number().min(0).max(1), grade: z.enum(GRADES) });

export const BriefingScored = defineEvent({
  detailType: 'Briefing Scored',
  schemaVersion: 1,
  summary: "A briefing's confidence score or grade changed; carries the old and new values.",
  fields: {
    briefingId: z.string(),
    previous: ScoreSnapshot,
    current: ScoreSnapshot.extend({ label: z.string() }),
    modelVersion: z.string(),
    /** Briefing version after the change; consumers ignore anything older than what they hold. */
    briefingVersion: z.number().int().positive(),
  },
  example: {
    schemaVersion: 1,
    eventId: 'scored_01JY7ZK6Q3W8Y2N4V5T6R7S8PA_3',
    occurredAt: '2026-06-20T08:15:01.000Z',
    briefingId: '01JY7ZK6Q3W8Y2N4V5T6R7S8PA',
    previous: { score: 0.64, grade: 'B/C' },
    current: { score: 0.86, grade: 'A/B', label: 'Strong' },
    modelVersion: 'v1',
    briefingVersion: 3,
  },
});
export type BriefingScoredDetail = z.infer<typeof BriefingScored.detail>;
