import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

export interface RenderedMarkdown {
  html: string;
  /** The visible words, one line per paragraph or list item; used for length limits and search. */
  text: string;
}

// html: false so that authors cannot put markup or scripts into the site; links keep
// markdown-it's own protocol check (javascript: and data: are refused).
const renderer = new MarkdownIt({ html: false, linkify: false, typographer: false });

export function renderMarkdown(body: string): RenderedMarkdown {
  const tokens = renderer.parse(body, {});
  return { html: renderer.renderer.render(tokens, renderer.options, {}), text: plainText(tokens) };
}

function plainText(tokens: Token[]): string {
  const blocks: string[] = [];
  for (const token of tokens) {
    const words =
      token.type === 'inline'
        ? inlineText(token.children ?? [])
        : token.type === 'fence' || token.type === 'code_block'
          ? token.content
          : '';
    if (words.trim() !== '') blocks.push(words.trim());
  }
  return blocks.join('\n');
}

function inlineText(children: Token[]): string {
  return children.map((child) => (child.type === 'text' || child.type === 'code_inline' ? child.content : '')).join('');
}
