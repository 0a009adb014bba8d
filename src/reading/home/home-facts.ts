/**
 * What the home page says about the texts: who issued the notice, what to send, how much there is
 * to read. Computed at build time from the parsed seeds, so that the home page, rendered on
 * request for its live deadline, reads none of the source texts.
 */
import { loadCorpus } from '#reading/corpus.ts';

export interface HomeFacts {
  issuer: string;
  addressees: string;
  noticeTitle: string;
  gangyaoTitle: string;
  recipient: string;
  materials: string[];
  essayCount: number;
  contact: { person: string; phones: string[] };
  parts: number;
  articles: number;
  columns: number;
  pressTitle: string;
  pressQuestions: number;
  related: number;
}

export function homeFacts(): HomeFacts {
  const { notice, gangyao, press, related } = loadCorpus();
  const { requirement, contact } = notice;
  return {
    issuer: notice.issuer,
    addressees: notice.addressees,
    noticeTitle: notice.title,
    gangyaoTitle: gangyao.title,
    recipient: requirement.recipient,
    materials: requirement.materials,
    essayCount: requirement.essayCount,
    contact: { person: contact.person, phones: contact.phones },
    parts: gangyao.parts.length,
    articles: gangyao.articles.length,
    columns: gangyao.columns.length,
    pressTitle: press.title,
    pressQuestions: press.turns.filter((t) => t.kind === 'question').length,
    related: related.length,
  };
}
