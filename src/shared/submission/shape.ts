/**
 * How many photos and essays this campaign's form has room for: the form renders, the schema
 * checks and the server reads that many, all from this one shape. Pure and browser-safe.
 */
export interface SubmissionShape {
  /** At most this many photos; the no-JS form renders this many file rows. */
  photoMax: number;
  /** How many 学习感想 the unit sends (the notice asks for 2). */
  essayCount: number;
}

/** The shape the campaign's requirements (src/shared/campaign/schema.ts) give. */
export const submissionShape = (requirements: { photos: { max: number }; essays: number }): SubmissionShape => ({
  photoMax: requirements.photos.max,
  essayCount: requirements.essays,
});
