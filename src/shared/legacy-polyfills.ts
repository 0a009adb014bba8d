/**
 * The few newer built-ins that libraries call at run time but old intranet browsers (360 安全浏览器
 * on Chromium 78, WeChat X5) lack. The build lowers syntax, not library calls: Svelte 5 builds its
 * templates with String.prototype.replaceAll (Chromium 85+). Importing this module installs them.
 */

type Replacement = string | ((match: string, ...rest: unknown[]) => string);

export function replaceAll(this: string, pattern: string | RegExp, replacement: Replacement): string {
  if (pattern instanceof RegExp && !pattern.global) throw new TypeError('replaceAll must be called with a global RegExp');
  const global = pattern instanceof RegExp ? pattern : new RegExp(String(pattern).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g');
  return String(this).replace(global, replacement as string);
}

export function at<T>(this: ArrayLike<T>, index: number): T | undefined {
  const i = Math.trunc(index) || 0;
  return this[i < 0 ? this.length + i : i];
}

/** Adds what is missing to the given prototypes (the real ones by default); never replaces a native. */
export function installLegacyPolyfills(stringPrototype: object = String.prototype, arrayPrototype: object = Array.prototype): void {
  const define = (target: object, name: string, value: unknown) => {
    if (typeof (target as Record<string, unknown>)[name] !== 'function') {
      Object.defineProperty(target, name, { configurable: true, writable: true, value });
    }
  };
  define(stringPrototype, 'replaceAll', replaceAll);
  define(arrayPrototype, 'at', at);
}

installLegacyPolyfills();
