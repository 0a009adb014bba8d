import { describe, expect, it } from 'vitest';
import { beijingInstant } from '#shared/campaign/deadline.ts';
import { deadlinePhrase, deadlineStanding } from '#shared/campaign/deadline-words.ts';

const deadline = beijingInstant('2023-02-27', '18:00');
const at = (iso: string) => new Date(iso);

describe('the deadline as every page states it', () => {
  it('names the day, the Beijing time and the notice wording', () => {
    expect(deadlinePhrase(deadline, '下班前')).toBe('2023年2月27日 18:00（下班前）');
    expect(deadlinePhrase(deadline, '下班前', { zone: true })).toBe('2023年2月27日 18:00（下班前，北京时间）');
  });

  it('counts down before the deadline, whatever the device clock zone', () => {
    const standing = deadlineStanding(at('2023-02-25T15:00:00+08:00'), deadline, 'refuse');
    expect(standing).toMatchObject({ state: 'open', headline: '距报送截止还有 2 天 3 小时' });
  });

  it('says late submissions are still taken and marked when the campaign accepts them', () => {
    const standing = deadlineStanding(at('2023-02-27T18:00:01+08:00'), deadline, 'accept');
    expect(standing.state).toBe('late-accepted');
    expect(standing.headline).toBe('报送截止时间已过，仍可补报');
    expect(standing.consequence).toContain('逾期报送');
  });

  it('says the form is closed when the campaign refuses late submissions', () => {
    expect(deadlineStanding(at('2023-03-01T09:00:00+08:00'), deadline, 'refuse')).toMatchObject({
      state: 'closed',
      headline: '报送已截止',
    });
  });
});
