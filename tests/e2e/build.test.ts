import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { loadNotes } from '#reading/annotations/load.ts';
import { loadCorpus, NOTICE_SEED, readSeed } from '#reading/corpus.ts';
import { missingSentences, officialSentences } from '#reading/verbatim.ts';
import { launchBrowser, phone } from '../support/browser.ts';
import { startSite, type RunningSite } from '../support/site.ts';

const siteDir = () => inject('siteDir');
const client = () => join(siteDir(), 'client');
const squash = (text: string) => text.replace(/\s+/g, '');

function filesUnder(folder: string, ending: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(ending))
    .map((name) => join(folder, name));
}

describe('the build', () => {
  it('produces every reading page as static HTML', () => {
    // The home page is rendered on request for its live deadline (tests/e2e/home-page.test.ts).
    const pages = [
      'gangyao/index.html',
      'tongzhi/index.html',
      'fabuhui/index.html',
      'yuedu/index.html',
      'mingci/index.html',
      'about/index.html',
      '404.html',
    ];
    for (const doc of loadCorpus().related) pages.push(`yuedu/${doc.slug}/index.html`);
    const missing = pages.filter((page) => !existsSync(join(client(), page)));
    expect(missing).toEqual([]);
  });

  it('ships no script syntax newer than Chromium 78 (360 browser, WeChat)', () => {
    const newer: string[] = [];
    const scripts = filesUnder(client(), '.js').map((file) => ({ file, code: readFileSync(file, 'utf8') }));
    for (const page of filesUnder(client(), '.html')) {
      const html = readFileSync(page, 'utf8');
      for (const match of html.matchAll(/<script(?: type="module")?>([\s\S]*?)<\/script>/g))
        scripts.push({ file: page, code: match[1] ?? '' });
    }
    // ?. and ?? arrived in Chromium 80, ??= ||= &&= in 85, class static blocks in 94.
    const tooNew = new Set([
      ts.SyntaxKind.QuestionDotToken,
      ts.SyntaxKind.QuestionQuestionToken,
      ts.SyntaxKind.QuestionQuestionEqualsToken,
      ts.SyntaxKind.BarBarEqualsToken,
      ts.SyntaxKind.AmpersandAmpersandEqualsToken,
      ts.SyntaxKind.ClassStaticBlockDeclaration,
    ]);
    for (const { file, code } of scripts) {
      const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
      const visit = (node: ts.Node): void => {
        if (tooNew.has(node.kind)) newer.push(`${file.slice(client().length)}: ${ts.SyntaxKind[node.kind]}`);
        node.forEachChild(visit);
      };
      visit(source);
    }
    expect(scripts.length).toBeGreaterThan(0);
    expect([...new Set(newer)]).toEqual([]);
  });

  it('ships no CSS that Chromium 78 cannot read', () => {
    const sheets = filesUnder(client(), '.css').map((file) => ({ file, css: readFileSync(file, 'utf8') }));
    for (const page of filesUnder(client(), '.html')) {
      for (const match of readFileSync(page, 'utf8').matchAll(/<style>([\s\S]*?)<\/style>/g))
        sheets.push({ file: page, css: match[1] ?? '' });
    }
    const unsupported = [/:has\(/, /@container/, /aspect-ratio\s*:/, /(^|[{};,\s])&/];
    const found = sheets.flatMap(({ file, css }) =>
      unsupported.filter((rule) => rule.test(css)).map((rule) => `${file.slice(client().length)}: ${rule}`),
    );
    expect(sheets.length).toBeGreaterThan(0);
    expect(found).toEqual([]);
  });
});

describe('the 纲要 page keeps the text as issued', () => {
  let site: RunningSite;
  let browser: Browser;
  let official = '';

  beforeAll(async () => {
    site = await startSite(siteDir());
    browser = await launchBrowser();
    const page = await browser.newPage({ ...phone, javaScriptEnabled: false });
    await page.goto(`${site.url}/gangyao/`);
    // What remains once everything marked data-note is set aside; glossary marks wrap official words.
    official = await page.evaluate(() => {
      const out: string[] = [];
      const walk = (node: Node) => {
        if (node.nodeType === 3) out.push(node.nodeValue ?? '');
        if (node.nodeType !== 1) return;
        const note = (node as Element).getAttribute('data-note');
        if (note !== null && note !== 'term') return;
        node.childNodes.forEach(walk);
      };
      walk(document.getElementById('gangyao')!);
      return out.join('');
    });
    await page.close();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  it('holds every sentence of the source 纲要, in order', () => {
    const sentences = officialSentences(readSeed(NOTICE_SEED));
    expect(sentences.length).toBeGreaterThan(300);
    expect(missingSentences(sentences, official)).toEqual([]);
  });

  it('holds nothing but the 纲要 outside what is marked as a note', () => {
    expect(squash(official)).toBe(officialSentences(readSeed(NOTICE_SEED)).join(''));
  });

  it('keeps every note out of the official text', () => {
    const notes = loadNotes();
    expect(notes.length).toBeGreaterThan(0);
    const leaked = notes.filter((note) => squash(official).includes(squash(note.text).slice(0, 30)));
    expect(leaked.map((note) => `${note.kind}:${note.target}`)).toEqual([]);
  });
});
