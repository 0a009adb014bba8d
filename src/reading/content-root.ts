import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project folder that holds content/. Inside an Astro build this module runs from a bundled
 * chunk under the output folder, so the source location alone is not enough: walk up from it,
 * then fall back to the working directory (Astro and vitest both run from the project root).
 */
export function projectRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 8; depth += 1) {
    if (existsSync(join(folder, 'content', 'notes')) && existsSync(join(folder, 'package.json'))) return folder;
    const parent = dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  return resolve(process.cwd());
}
