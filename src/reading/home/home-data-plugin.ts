/**
 * Compiles the home page's facts about the texts into `virtual:home-data` at build time: the home
 * page is rendered on request (its deadline is the running campaign's), and reads no seeds then.
 */
import type { Plugin } from 'vite';
import { homeFacts } from './home-facts.ts';

const id = 'virtual:home-data';
const resolvedId = `\0${id}`;

export function homeDataPlugin(): Plugin {
  return {
    name: 'home-data',
    resolveId: (source) => (source === id ? resolvedId : undefined),
    load: (resolved) => (resolved === resolvedId ? `export default ${JSON.stringify(homeFacts())};` : undefined),
  };
}
