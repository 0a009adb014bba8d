import type { Paragraph, PressConference, PressTurn } from '#reading/types.ts';
import { joinBrokenLines, type SourceLine } from './lines.ts';
import { PRESS_TITLE } from './regions.ts';

/** A line that only names who speaks next: "新华社记者：", "…局长黄国梁：". */
const SPEAKER_LINE = /^([^。！？，]{2,60})：$/;
/** Speakers introduced once with their office; later turns name them alone ("田世宏：谢谢…"). */
const NAME_LENGTH = 3;

interface Speaker {
  name: string;
  role: string;
  host: boolean;
}

function speakerOf(line: string): Speaker {
  if (line.endsWith('记者')) return { name: line, role: line.slice(0, -2), host: false };
  const name = line.slice(-NAME_LENGTH);
  return { name, role: line.slice(0, -NAME_LENGTH).replace(/[、，]$/, ''), host: line.includes('新闻发言人') };
}

/**
 * Splits the press-conference excerpt into turns. A turn starts at a speaker line or at a paragraph
 * opening with the name of a speaker already introduced. Reporters ask; the host moderates; a
 * speaker answering right after a question answers, otherwise makes a statement.
 */
export function parsePress(lines: SourceLine[]): PressConference {
  const paragraphs = joinBrokenLines(lines, (text) => text === PRESS_TITLE || SPEAKER_LINE.test(text));
  const [title, ...rest] = paragraphs;
  const known = new Map<string, Speaker>();
  const press: PressConference = { title: title?.text ?? '', intro: [], turns: [] };
  let turn: PressTurn | undefined;

  const open = (speaker: Speaker): PressTurn => {
    const previous = press.turns.at(-1);
    const kind: PressTurn['kind'] = speaker.name.endsWith('记者')
      ? 'question'
      : speaker.host
        ? 'host'
        : previous?.kind === 'question'
          ? 'answer'
          : 'statement';
    const number = press.turns.length + 1;
    const next: PressTurn = { id: `turn-${number}`, number, speaker: speaker.name, role: speaker.role, kind, paragraphs: [] };
    press.turns.push(next);
    return next;
  };
  const add = (owner: { id: string; paragraphs: Paragraph[] }, text: string) =>
    owner.paragraphs.push({ id: `${owner.id}-p${owner.paragraphs.length + 1}`, text });

  for (const { text } of rest) {
    const line = SPEAKER_LINE.exec(text);
    const inline = [...known.values()].find((speaker) => text.startsWith(`${speaker.name}：`));
    if (line) {
      const speaker = speakerOf(line[1] ?? '');
      known.set(speaker.name, speaker);
      turn = open(speaker);
    } else if (inline) {
      turn = open(inline);
      add(turn, text.slice(inline.name.length + 1));
    } else if (turn) {
      add(turn, text);
    } else {
      press.intro.push({ id: `intro-p${press.intro.length + 1}`, text });
    }
  }
  return press;
}
