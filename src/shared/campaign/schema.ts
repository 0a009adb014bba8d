/**
 * The one schema of the campaign configuration (content/campaign/*.yaml). Every field says what it
 * means, its limits and its default. The server loads it (src/server/campaign/campaign.ts); pages and the
 * organiser console read the parsed value. Runs anywhere: no node:*.
 */
import * as z from 'zod';

const dateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期应写成 2023-02-27 的形式' });
const timeString = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: '时间应写成 18:00 的形式（24 小时制）' });

/** 联系人: who units call with questions, printed on the form and the receipt. */
const contactSchema = z.object({
  /** Person's name, e.g. 李述虎. 1-20 characters. */
  name: z.string().min(1).max(20),
  /** Phone numbers in the order the notice gives them, e.g. ["2079642", "18737374374"]. 1-4 of them. */
  phones: z.array(z.string().min(3).max(30)).min(1).max(4),
  /** Mail address from the notice. */
  email: z.email(),
});

/** The hour the notice's 下班前 stands for when the campaign file names none. */
export const DEFAULT_DEADLINE_TIME = '18:00';

const deadlineSchema = z.object({
  /** Calendar day of the deadline in Beijing, YYYY-MM-DD. Required. */
  date: dateString,
  /** What 下班前 means on that day, HH:mm on a Beijing clock. Default 18:00. */
  time: timeString.default(DEFAULT_DEADLINE_TIME),
  /**
   * Words shown after the date, as the notice says them. Default 下班前. At most 10 characters; empty
   * shows none. They describe `time`: CAMPAIGN_DEADLINE at another hour drops them.
   */
  label: z.string().max(10).default('下班前'),
  /** Only Beijing time: China keeps UTC+8 all year, so the deadline maths needs no zone database. */
  timeZone: z.literal('Asia/Shanghai').default('Asia/Shanghai'),
});

const requirementsSchema = z
  .object({
    /**
     * The notice always asks for a 情况汇报 (text or original file). A submission without one is still
     * stored, and the receipt and the board list 情况汇报 as missing (src/shared/submission/completeness.ts)
     * until the unit adds it by revising. Kept here so the file says so.
     */
    report: z.literal('required').default('required'),
    photos: z.object({
      /** Fewest photos the notice expects; fewer are accepted but listed as missing. 0-24, default 1. */
      min: z.number().int().min(0).max(24).default(1),
      /** Most photos one submission takes (each costs storage and upload time). 1-24, default 20. */
      max: z.number().int().min(1).max(24).default(20),
    }),
    /** 学习感想 a unit sends: the notice asks for exactly 2. Fewer are accepted but listed as missing. 1-5, default 2. */
    essays: z.number().int().min(1).max(5).default(2),
  })
  .refine((r) => r.photos.min <= r.photos.max, { error: '照片最少张数不能大于最多张数', path: ['photos'] });

const unitSchema = z.object({
  /** Full unit name as it appears on the receipt, e.g. 卫辉市水利局. Unique, 2-40 characters. */
  name: z.string().min(2).max(40),
  /** One of `categories`. */
  category: z.string().min(1),
});

const unitsSchema = z.object({
  /**
   * true while the list is made-up sample data: the console and the codes CLI say so wherever they
   * show it. Set to false only once the list is the real one.
   */
  sample: z.boolean(),
  /** Units in display order. 1-500 of them. */
  list: z.array(unitSchema).min(1).max(500),
});

export const campaignSchema = z
  .object({
    /**
     * Stable identifier of this campaign, lower-case letters, digits and hyphens (e.g. zlqg-2023).
     * Names the browser's saved drafts, so a new campaign never restores an old one's draft.
     */
    id: z.string().regex(/^[a-z0-9-]{3,40}$/, { error: '活动标识只能用小写字母、数字和连字符，3-40 个字符' }),
    /** Campaign title shown on the form and receipt. 1-60 characters. */
    title: z.string().min(1).max(60),
    /** Title of the notice that asks for the submissions, quoted on the form. 1-120 characters. */
    notice: z.string().min(1).max(120),
    /** 报送至: the office that receives the material, e.g. 市水利局水利工程建设与监督科. */
    office: z.string().min(1).max(60),
    contact: contactSchema,
    deadline: deadlineSchema,
    /**
     * After the deadline: 'refuse' takes nothing more (new submissions and revisions alike);
     * 'accept' keeps taking them and marks each such version 逾期. Default accept.
     */
    latePolicy: z.enum(['refuse', 'accept']).default('accept'),
    /**
     * The earliest day an activity in a unit's 台账 may carry, YYYY-MM-DD: the day the 纲要 was
     * issued, as the notice says (2月6日). The latest is today. Default 2023-02-06.
     */
    activitiesFrom: dateString.default('2023-02-06'),
    requirements: requirementsSchema,
    /** Unit categories in display order, from the notice's 主送 line. 1-10 of them. */
    categories: z.array(z.string().min(1).max(30)).min(1).max(10),
    units: unitsSchema,
  })
  .superRefine((campaign, context) => {
    const seen = new Set<string>();
    campaign.units.list.forEach((unit, index) => {
      if (!campaign.categories.includes(unit.category)) {
        context.addIssue({
          code: 'custom',
          path: ['units', 'list', index, 'category'],
          message: `单位“${unit.name}”的类别“${unit.category}”不在 categories 中`,
        });
      }
      if (seen.has(unit.name)) {
        context.addIssue({ code: 'custom', path: ['units', 'list', index, 'name'], message: `单位“${unit.name}”重复` });
      }
      seen.add(unit.name);
    });
  });

/** The campaign as written in the YAML files, defaults applied. */
export type CampaignConfig = z.infer<typeof campaignSchema>;
export type LatePolicy = CampaignConfig['latePolicy'];
export type Requirements = CampaignConfig['requirements'];
