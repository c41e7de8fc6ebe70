// What crosses between the main thread and the workers: file names and small plain data, in
// batches (a run of files to identify, a run of a group's checks) so a folder costs few messages.
// A report's facts never travel: each is computed where its group is checked (plan.ts).

import type { CheckStep, FileOutcome, IdentifyOutcome } from './work';

export type Request = { op: 'identify'; files: string[] } | { op: 'check'; steps: CheckStep[] };

/** One outcome per file or step of the request, in its order. */
export type IdentifyReply = IdentifyOutcome[];
export type CheckReply = FileOutcome[];
