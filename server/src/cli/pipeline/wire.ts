// What crosses between the main thread and the workers: file names and small plain data. A
// report's facts never travel: each is computed where its group is checked (plan.ts).

import type { CheckStep, FileOutcome, IdentifyOutcome } from './work';

export type Request = { op: 'identify'; file: string } | ({ op: 'check' } & CheckStep);

export type IdentifyReply = IdentifyOutcome;
export type CheckReply = FileOutcome;
