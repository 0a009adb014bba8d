/**
 * Search documents from the parsed seeds: one per part, article and 专栏 of the 纲要, per notice
 * section, per press turn and per headed section of each related document.
 */
import type { SearchDoc } from '#shared/search/types.ts';
import type { Corpus, Gangyao, Notice, Paragraph, PressConference, PressTurn, RelatedDocument } from '#reading/types.ts';

const join = (paragraphs: readonly Paragraph[]): string => paragraphs.map((p) => p.text).join('\n');

export function gangyaoDocs(gangyao: Gangyao): SearchDoc[] {
  const docs: SearchDoc[] = [];
  const partTitle = (partId: string): string => {
    const part = gangyao.parts.find((p) => p.id === partId);
    return part ? `${part.ordinal}、${part.title}` : gangyao.title;
  };
  if (gangyao.preamble.length > 0) {
    const first = gangyao.preamble[0]!;
    docs.push({
      id: 'preamble',
      kind: 'gangyao',
      title: '序言',
      context: gangyao.title,
      href: `/gangyao/#${first.id}`,
      text: join(gangyao.preamble),
    });
  }
  for (const part of gangyao.parts) {
    docs.push({
      id: part.id,
      kind: 'gangyao',
      title: partTitle(part.id),
      context: gangyao.title,
      href: `/gangyao/#${part.id}`,
      text: join(part.paragraphs),
    });
  }
  for (const article of gangyao.articles) {
    docs.push({
      id: article.id,
      kind: 'gangyao',
      title: `（${article.ordinal}）${article.title}`,
      context: partTitle(article.partId),
      href: `/gangyao/#${article.id}`,
      text: join(article.paragraphs),
    });
  }
  for (const column of gangyao.columns) {
    docs.push({
      id: column.id,
      kind: 'gangyao',
      title: `专栏${column.number} ${column.title}`,
      context: partTitle(column.partId),
      href: `/gangyao/#${column.id}`,
      text: column.items.map((item) => item.text).join('\n'),
    });
  }
  return docs;
}

export function noticeDocs(notice: Notice): SearchDoc[] {
  const opening: SearchDoc = {
    id: 'notice',
    kind: 'notice',
    title: notice.title,
    context: notice.issuer,
    href: `/tongzhi/#${notice.opening[0]?.id ?? ''}`,
    text: [
      notice.issuer,
      notice.addressees,
      join(notice.opening),
      `附件：${notice.attachments.join('；')}`,
      `联系人：${notice.contact.person} 电话：${notice.contact.phones.join('、')} 邮箱：${notice.contact.email}`,
    ].join('\n'),
  };
  const sections = notice.sections.map<SearchDoc>((section) => ({
    id: `notice-${section.id}`,
    kind: 'notice',
    title: `${section.ordinal}、${section.title}`,
    context: notice.title,
    href: `/tongzhi/#${section.id}`,
    text: join(section.paragraphs),
  }));
  return [opening, ...sections];
}

function turnTitle(turn: PressTurn): string {
  if (turn.kind === 'question') return `${turn.speaker}提问`;
  return turn.role && turn.role !== turn.speaker ? `${turn.speaker}（${turn.role}）` : turn.speaker;
}

export function pressDocs(press: PressConference): SearchDoc[] {
  const intro: SearchDoc = {
    id: 'press',
    kind: 'press',
    title: press.title,
    context: '国务院新闻办公室新闻发布会',
    href: `/fabuhui/#${press.intro[0]?.id ?? ''}`,
    text: join(press.intro),
  };
  const turns = press.turns.map<SearchDoc>((turn) => ({
    id: `press-${turn.id}`,
    kind: 'press',
    title: turnTitle(turn),
    context: press.title,
    href: `/fabuhui/#${turn.id}`,
    text: join(turn.paragraphs),
  }));
  return [intro, ...turns];
}

/** A related document cut at its headings; text before the first heading is its own section. */
export function relatedDocs(document: RelatedDocument): SearchDoc[] {
  const docs: SearchDoc[] = [];
  let current: { anchor: string; title: string; texts: string[] } | undefined;
  const flush = (): void => {
    if (current && (current.texts.length > 0 || current.anchor.startsWith('h-'))) {
      docs.push({
        id: `related-${document.slug}-${current.anchor}`,
        kind: 'related',
        title: current.title,
        context: document.title,
        href: `/yuedu/${document.slug}/#${current.anchor}`,
        text: current.texts.join('\n'),
      });
    }
  };
  for (const block of document.blocks) {
    if (block.type === 'heading') {
      flush();
      current = { anchor: block.heading.id, title: block.heading.text, texts: [] };
    } else {
      current ??= { anchor: block.paragraph.id, title: document.title, texts: [] };
      current.texts.push(block.paragraph.text);
    }
  }
  flush();
  return docs;
}

export function corpusDocs(corpus: Corpus): SearchDoc[] {
  return [...gangyaoDocs(corpus.gangyao), ...noticeDocs(corpus.notice), ...pressDocs(corpus.press), ...corpus.related.flatMap(relatedDocs)];
}
