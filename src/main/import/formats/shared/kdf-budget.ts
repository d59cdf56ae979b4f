import { AsyncLocalStorage } from 'node:async_hooks';
import { unsafeParameters } from './errors';

/**
 * Per file, whatever the number of slots or tokens it lists: a hostile file packed with password
 * slots gets at most this much key-derivation work before it is refused (each derivation is
 * also capped on its own, in kdf.ts). Aegis has one or two password slots, Ente and Proton one
 * derivation (Ente's is the largest: 1 GiB × 4 passes or the same product), Authy one PBKDF2 of
 * 1 000 iterations per token.
 */
export const KDF_FILE_LIMITS = {
  maxMemoryHardPerFile: 8,
  scryptMaxWorkPerFile: 2 ** 23,
  argon2MaxWorkKiBPerFile: 1024 * 1024 * 4,
  pbkdf2MaxIterationsPerFile: 20_000_000,
};
export type KdfFileLimits = typeof KDF_FILE_LIMITS;

interface KdfSpent {
  memoryHard: number;
  scryptWork: number;
  argon2WorkKiB: number;
  pbkdf2Iterations: number;
}

const budgets = new AsyncLocalStorage<{ spent: KdfSpent; limits: KdfFileLimits }>();

/** Runs the parse of one file with its own budget: every derivation inside is charged to it. */
export function withKdfBudget<T>(
  parse: () => Promise<T>,
  limits: KdfFileLimits = KDF_FILE_LIMITS,
): Promise<T> {
  const spent = { memoryHard: 0, scryptWork: 0, argon2WorkKiB: 0, pbkdf2Iterations: 0 };
  return budgets.run({ spent, limits }, parse);
}

/** Charges a derivation before it runs; IMPORT_UNSAFE_PARAMETERS when the file's total would go over. */
export function charge(cost: Partial<KdfSpent>): void {
  const budget = budgets.getStore();
  if (!budget) return;
  const { spent, limits } = budget;
  const next: KdfSpent = {
    memoryHard: spent.memoryHard + (cost.memoryHard ?? 0),
    scryptWork: spent.scryptWork + (cost.scryptWork ?? 0),
    argon2WorkKiB: spent.argon2WorkKiB + (cost.argon2WorkKiB ?? 0),
    pbkdf2Iterations: spent.pbkdf2Iterations + (cost.pbkdf2Iterations ?? 0),
  };
  if (next.memoryHard > limits.maxMemoryHardPerFile)
    throw unsafeParameters(`more than ${limits.maxMemoryHardPerFile} password slots to try`);
  if (
    next.scryptWork > limits.scryptMaxWorkPerFile ||
    next.argon2WorkKiB > limits.argon2MaxWorkKiBPerFile ||
    next.pbkdf2Iterations > limits.pbkdf2MaxIterationsPerFile
  )
    throw unsafeParameters('more key-derivation work in total than any real export needs');
  Object.assign(spent, next);
}
