import type { Notice, NoticeSection, Paragraph } from '#reading/types.ts';
import { joinBrokenLines, type SourceLine } from './lines.ts';

const SECTION = /^([一二三四五六七八九十]+)、(.+)$/;
const ATTACHMENT = /^(?:附件：)?\s*(\d+)[.．、]\s*(.+)$/;
const CONTACT = /^联系人：\s*(\S+)\s+电话：\s*(.+)$/;
const EMAIL = /^邮\s*箱：\s*(\S+)$/;
const DEADLINE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(下班前|[^，,]*前)/;
const REQUIREMENT = /将(.+?)报送至(.+?)，同时报送\s*(\d+)\s*篇(.+?)。/;

const isStandalone = (text: string) => SECTION.test(text) || ATTACHMENT.test(text) || CONTACT.test(text) || EMAIL.test(text);

const pad = (n: string) => n.padStart(2, '0');

function parseRequirement(text: string): Notice['requirement'] {
  const deadline = DEADLINE.exec(text);
  const requirement = REQUIREMENT.exec(text);
  if (!deadline || !requirement) throw new Error('通知“有关要求”一节中找不到报送时限或报送内容');
  const [, year = '', month = '', day = '', time = ''] = deadline;
  const [, what = '', recipient = '', count = '0', essays = ''] = requirement;
  return {
    deadlineDate: `${year}-${pad(month)}-${pad(day)}`,
    deadlineTime: time,
    materials: [...what.split('以及').map((item) => item.trim()), `${count} 篇${essays.trim()}`],
    essayCount: Number(count),
    recipient: recipient.trim(),
    text,
  };
}

/**
 * Parses the bureau's notice: issuer and title above the addressee line (the first line ending
 * in ：), then the opening, sections 一 to 五, attachments and contact.
 */
export function parseNotice(lines: SourceLine[]): Notice {
  const nonEmpty = lines.map((line) => line.text.trim()).filter(Boolean);
  const addresseeAt = nonEmpty.findIndex((text) => text.endsWith('：'));
  if (addresseeAt < 2) throw new Error('通知的发文机关、标题或主送单位无法识别');
  const [issuer = '', ...titleLines] = nonEmpty.slice(0, addresseeAt);
  const bodyStart = lines.findIndex((line) => line.text.trim() === nonEmpty[addresseeAt]) + 1;
  const paragraphs = joinBrokenLines(lines.slice(bodyStart), isStandalone);

  const notice: Notice = {
    issuer,
    title: titleLines.join(''),
    addressees: (nonEmpty[addresseeAt] ?? '').replace(/：$/, ''),
    opening: [],
    sections: [],
    requirement: { deadlineDate: '', deadlineTime: '', materials: [], essayCount: 0, recipient: '', text: '' },
    attachments: [],
    contact: { person: '', phones: [], email: '' },
  };
  let section: NoticeSection | undefined;
  for (const { text } of paragraphs) {
    const attachment = ATTACHMENT.exec(text);
    const contact = CONTACT.exec(text);
    const email = EMAIL.exec(text);
    const heading = SECTION.exec(text);
    if (attachment) {
      notice.attachments.push(attachment[2] ?? '');
    } else if (contact) {
      notice.contact.person = contact[1] ?? '';
      notice.contact.phones = (contact[2] ?? '').split(/\s+/).filter(Boolean);
    } else if (email) {
      notice.contact.email = email[1] ?? '';
    } else if (heading) {
      const number = notice.sections.length + 1;
      section = { id: `sec-${number}`, ordinal: heading[1] ?? '', title: heading[2] ?? '', paragraphs: [] };
      notice.sections.push(section);
    } else {
      const owner: { id: string; paragraphs: Paragraph[] } = section ?? { id: 'opening', paragraphs: notice.opening };
      owner.paragraphs.push({ id: `${owner.id}-p${owner.paragraphs.length + 1}`, text });
    }
  }
  const last = notice.sections.at(-1);
  notice.requirement = parseRequirement(last?.paragraphs.map((p) => p.text).join('') ?? '');
  return notice;
}
