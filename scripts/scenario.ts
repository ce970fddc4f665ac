/**
 * npm run -s scenario -- FILE.json
 * Plays the scenario against dist/Code.js in a fresh emulated workbook and prints ONE JSON object on
 * stdout. Logs go to stderr. A failing step is data (exit 0); a malformed scenario exits 2.
 */
import { readFileSync } from 'node:fs';
import { runScenario, ScenarioError } from '../emulator/scenario';

function main(argv: string[]): number {
  const file = argv[0];
  if (!file) {
    process.stderr.write('usage: npm run -s scenario -- FILE.json\n');
    return 2;
  }
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    process.stderr.write(`${file}: ${(err as Error).message}\n`);
    return 2;
  }
  // Anything the bundle or the emulator logs must not reach stdout.
  console.log = (...args: unknown[]) => process.stderr.write(`${args.map(String).join(' ')}\n`);
  try {
    const output = runScenario(input);
    process.stdout.write(`${JSON.stringify(output)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof ScenarioError) {
      process.stderr.write(`${file}: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

process.exitCode = main(process.argv.slice(2));
