import { CommanderError } from 'commander';
import { TesseraError } from '../../shared/errors';
import { buildProgram } from './program';

export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) process.exit(error.exitCode);
    if (error instanceof TesseraError) {
      process.stderr.write(`tessera: ${error.message} [${error.code}]\n`);
      process.exit(1);
    }
    process.stderr.write(
      `tessera: unexpected failure (${error instanceof Error ? error.name : 'unknown'})\n`,
    );
    process.exit(70);
  }
}

void runCli(process.argv);
