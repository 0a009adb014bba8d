import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CampaignConfigError, contactLine, loadCampaign } from '#server/campaign/campaign.ts';
import { loadConfig } from '#server/config/config.ts';
import { deadlinePhrase } from '#shared/campaign/deadline-words.ts';

const shipped = () => loadCampaign({ config: {} });

describe('the campaign configuration', () => {
  it('reproduces the notice: office, contact, and 2023-02-27 18:00 Beijing time', () => {
    const campaign = shipped();
    expect(campaign.office).toBe('市水利局水利工程建设与监督科');
    expect(campaign.contact).toEqual({ name: '李述虎', phones: ['2079642', '18737374374'], email: 'xxssljjdk@163.com' });
    expect(campaign.deadlineAt.toISOString()).toBe('2023-02-27T10:00:00.000Z');
    expect(campaign.deadline.label).toBe('下班前');
    expect(campaign.requirements).toEqual({ report: 'required', photos: { min: 1, max: 20 }, essays: 2 });
    expect(campaign.categories).toEqual(['县（市、区）水利局', '局机关科室', '局属二级机构', '局属建管局']);
    expect(contactLine(campaign)).toBe('市水利局水利工程建设与监督科（李述虎，电话 2079642、18737374374）');
  });

  it('accepts late submissions and marks them, since the notice deadline has passed', () => {
    expect(shipped().latePolicy).toBe('accept');
  });

  it('ships a sample unit list, flagged as sample, in every category', () => {
    const { units, categories } = shipped();
    expect(units.sample).toBe(true);
    expect(units.list.length).toBeGreaterThanOrEqual(20);
    for (const category of categories) expect(units.list.some((unit) => unit.category === category)).toBe(true);
  });

  it('takes a new deadline and late policy from the environment without editing files', () => {
    const campaign = loadCampaign({ config: loadConfig({ CAMPAIGN_DEADLINE: '2026-12-31T18:00', LATE_POLICY: 'refuse' }) });
    expect(campaign.deadlineAt.toISOString()).toBe('2026-12-31T10:00:00.000Z');
    expect(campaign.latePolicy).toBe('refuse');
    expect(campaign.overriddenBy).toEqual(['CAMPAIGN_DEADLINE', 'LATE_POLICY']);
    expect(loadCampaign({ config: loadConfig({ CAMPAIGN_DEADLINE: '2026-12-31' }) }).deadlineAt.toISOString()).toBe(
      '2026-12-31T10:00:00.000Z',
    );
  });

  it('says 下班前 after a new deadline only when it keeps the hour the notice meant by it', () => {
    const phraseFor = (value: string) => {
      const campaign = loadCampaign({ config: loadConfig({ CAMPAIGN_DEADLINE: value }) });
      return deadlinePhrase(campaign.deadlineAt, campaign.deadline.label);
    };
    expect(phraseFor('2026-12-31')).toBe('2026年12月31日 18:00（下班前）');
    expect(phraseFor('2026-12-31T18:00')).toBe('2026年12月31日 18:00（下班前）');
    expect(phraseFor('2026-12-31T12:00')).toBe('2026年12月31日 12:00');
  });

  it('explains in Chinese a deadline override it cannot read', () => {
    expect(() => loadCampaign({ config: loadConfig({ CAMPAIGN_DEADLINE: '31/12/2026' }) })).toThrow(/CAMPAIGN_DEADLINE.*2026-12-31T18:00/);
    expect(() => loadCampaign({ config: loadConfig({ CAMPAIGN_DEADLINE: '2026-02-30T18:00' }) })).toThrow(CampaignConfigError);
    expect(() => loadCampaign({ config: loadConfig({ LATE_POLICY: 'maybe' }) })).toThrow(/LATE_POLICY.*refuse/);
  });

  it('names the field and the problem when a configuration file is wrong', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baosong-campaign-'));
    const source = new URL('../../content/campaign/', import.meta.url);
    writeFileSync(
      join(dir, 'campaign.yaml'),
      readFileSync(new URL('campaign.yaml', source), 'utf8').replace("time: '18:00'", "time: '6pm'"),
    );
    writeFileSync(join(dir, 'units.yaml'), 'sample: true\nlist:\n  - { name: 某某局, category: 不存在的类别 }\n');
    let message = '';
    try {
      loadCampaign({ dir, config: {} });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('deadline.time');
    expect(message).toContain('18:00 的形式');
    expect(message).toContain('不存在的类别');
  });
});
