/**
 * How many photos and essays this campaign's form has room for, and the days its 台账 may list:
 * the form renders, the schema checks and the server reads that many, all from this one shape.
 * Pure and browser-safe.
 */
import type { ActivityWindow } from './activities.ts';

export interface SubmissionShape {
  /** At most this many photos; the no-JS form renders this many file rows. */
  photoMax: number;
  /** How many 学习感想 the unit sends (the notice asks for 2). */
  essayCount: number;
  /** The days an activity may fall on; a date outside is an error with the window in its message. */
  activityWindow: ActivityWindow;
}

/** The shape the campaign's requirements (src/shared/campaign/schema.ts) and today's 台账 window give. */
export const submissionShape = (
  requirements: { photos: { max: number }; essays: number },
  activityWindow: ActivityWindow,
): SubmissionShape => ({
  photoMax: requirements.photos.max,
  essayCount: requirements.essays,
  activityWindow,
});
