import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { existsSync } from 'node:fs';

export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const cspViolations: string[] = [];

/** The Content-Security-Policy violations seen since the last call (tests/support/csp-guard.ts fails on any). */
export function takeCspViolations(): string[] {
  return cspViolations.splice(0);
}

/**
 * Every page of a context reports what its CSP refused: through the securitypolicyviolation event
 * when scripts run, and through Chromium's console message when they are switched off.
 */
async function watchCsp(context: BrowserContext): Promise<void> {
  await context.exposeBinding('__cspViolation', (_source, text: string) => {
    cspViolations.push(text);
  });
  await context.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) => {
        const report = (window as unknown as { __cspViolation?: (text: string) => void }).__cspViolation;
        if (report) report(`${event.effectiveDirective} refused ${event.blockedURI || 'inline'} on ${event.documentURI}`);
      },
      true,
    );
  });
  context.on('console', (message) => {
    if (/Content Security Policy/.test(message.text())) cspViolations.push(message.text());
  });
}

/** Debian's Chromium, headless, with no background traffic: the machine has no internet. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`找不到 Chromium（${chromiumPath}）。请先运行：apt-get update && apt-get install -y chromium`);
  }
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  // browser.newPage goes through newContext too, so every page any test opens is watched.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await watchCsp(context);
    return context;
  };
  return browser;
}

/** A mid-range Android phone in the WeChat browser. */
export const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const desktop = { viewport: { width: 1366, height: 768 } };
