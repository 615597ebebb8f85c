import { parseArgs } from 'node:util';
import { describeMachine } from './machine';
import { createMockPool } from './mock-pool';
import type { BenchContext, Section } from './section';
import { sections } from './sections';
import { renderTable } from './table';

const USAGE = `usage: npm run bench -- [--only <name>[,<name>…]]…
sections, in run order: ${sections.map((s) => s.name).join(', ')}
Prints figures only; exits non-zero when something functionally breaks, never because a machine is slow.`;

function selectSections(only: string[] | undefined): Section[] {
  const wanted = (only ?? []).flatMap((value) => value.split(',')).map((name) => name.trim()).filter((name) => name !== '');
  if (wanted.length === 0) return [...sections];
  const unknown = wanted.filter((name) => !sections.some((s) => s.name === name));
  if (unknown.length > 0) throw new Error(`Unknown section ${unknown.map((n) => `"${n}"`).join(', ')}.\n${USAGE}`);
  return sections.filter((s) => wanted.includes(s.name));
}

/** One status line on a terminal, overwritten as sections progress; nothing when output is piped. */
function createProgress(): { show(message: string): void; clear(): void } {
  const tty = process.stderr.isTTY;
  let shown = false;
  return {
    show(message) {
      if (!tty) return;
      process.stderr.write(`\r\x1b[2K  … ${message}`);
      shown = true;
    },
    clear() {
      if (tty && shown) process.stderr.write('\r\x1b[2K');
      shown = false;
    },
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { only: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const chosen = selectSections(values.only);

  console.log('CMS Access Studio benchmark');
  const machine = describeMachine();
  const labelWidth = Math.max(...machine.map(([label]) => label.length));
  for (const [label, value] of machine) console.log(`  ${label.padEnd(labelWidth)}  ${value}`);

  const mocks = createMockPool();
  const progress = createProgress();
  const context: BenchContext = { mock: (args) => mocks.get(args), progress: (message) => progress.show(message) };
  // Ctrl-C stops the mocks at once; the section then in flight fails for that reason, which is not a finding.
  let interrupted = false;
  const stopOnSignal = (signal: NodeJS.Signals) => {
    interrupted = true;
    progress.clear();
    console.error(`\n${signal}: stopping the mock CMS`);
    void mocks.stopAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);

  const failures: string[] = [];
  const startedAll = performance.now();
  try {
    for (const [index, section] of chosen.entries()) {
      console.log(`\n${index + 1}. ${section.title}`);
      if (section.note) console.log(`   ${section.note}`);
      console.log('');
      const started = performance.now();
      try {
        const rows = await section.run(context);
        progress.clear();
        console.log(renderTable(rows));
      } catch (error) {
        progress.clear();
        if (interrupted) break;
        const message = error instanceof Error ? error.message : String(error);
        failures.push(`${section.name}: ${message}`);
        console.log(`  FAILED: ${message}`);
      }
      console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }
  } finally {
    await mocks.stopAll();
  }

  if (interrupted) return 130;
  console.log(`\ntotal ${((performance.now() - startedAll) / 1000).toFixed(1)} s`);
  if (failures.length > 0) {
    console.error(`\n${failures.length} section(s) broke:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
