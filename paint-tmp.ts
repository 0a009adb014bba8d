import { benchReadingPaint } from './tests/bench/reading-paint.ts';
import { printTable } from './tests/bench/table.ts';
printTable(await benchReadingPaint());
process.exit(0);
