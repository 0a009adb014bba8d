/**
 * 引用本条: copies 《质量强国建设纲要》第十三条, the article as printed and its link. Intranet
 * pages over plain http have no navigator.clipboard, and WeChat may refuse both ways of copying,
 * so the last resort shows the text selected in a box for a long-press copy.
 */
import { officialText } from './official-text.ts';

const ORDINAL = /^（([一二三四五六七八九十]+)）/;

/** 《纲要》第N条, then the article with its heading run in as printed, then its address. */
export function citationFor(section: Element, docTitle: string, href: string): string {
  const heading = section.querySelector('h3');
  const headingText = heading ? officialText(heading) : '';
  const ordinal = ORDINAL.exec(headingText)?.[1] ?? '';
  const lines = officialText(section).split('\n');
  const body = section.classList.contains('art-runin') && lines.length > 1 ? [lines[0] + lines[1], ...lines.slice(2)] : lines;
  return [`《${docTitle}》第${ordinal}条`, ...body, href].join('\n');
}

function copyWithSelection(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.top = '0';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  document.body.removeChild(area);
  return copied;
}

export function copyText(text: string): Promise<boolean> {
  const clipboard = navigator.clipboard;
  if (clipboard && typeof clipboard.writeText === 'function') {
    return clipboard.writeText(text).then(
      () => true,
      () => copyWithSelection(text),
    );
  }
  return Promise.resolve(copyWithSelection(text));
}

function showFallback(tools: Element, text: string): void {
  let area = tools.querySelector('textarea');
  if (!area) {
    area = document.createElement('textarea');
    area.className = 'cite-fallback';
    area.setAttribute('readonly', '');
    area.setAttribute('aria-label', '引用文字，请全选后复制');
    tools.appendChild(area);
  }
  area.value = text;
  area.focus();
  area.select();
}

function addButton(section: Element, docTitle: string): void {
  const heading = section.querySelector('h3');
  if (!heading) return;
  const tools = document.createElement('p');
  tools.className = 'tools';
  tools.setAttribute('data-note', 'tools');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'cite';
  button.textContent = '引用本条';
  const status = document.createElement('span');
  status.className = 'cite-status';
  status.setAttribute('role', 'status');
  tools.appendChild(button);
  tools.appendChild(status);
  heading.parentNode?.insertBefore(tools, heading.nextSibling);
  button.addEventListener('click', () => {
    const href = `${location.protocol}//${location.host}${location.pathname}#${section.id}`;
    const text = citationFor(section, docTitle, href);
    void copyText(text).then((copied) => {
      status.textContent = copied ? '已复制，可粘贴到微信或文档' : '请长按下面的文字复制';
      if (!copied) showFallback(tools, text);
    });
  });
}

export function setUpCiting(root: Element): void {
  const docTitle = root.querySelector('h1')?.textContent?.trim() ?? '';
  const sections = root.querySelectorAll('section.art');
  for (let i = 0; i < sections.length; i += 1) {
    const section = sections[i];
    if (section) addButton(section, docTitle);
  }
}
