// The one place where the CLI starts another program: `git`, for `crmteam diff <revision>` (`git diff` to list the
// plans that changed, `git show` to read their old text). Arguments are passed as an array, never through a shell.

import { execFileSync } from 'node:child_process';
import { UsageError } from './args';

/** Runs `git` in `cwd` and returns its standard output; a failure is a UsageError naming the command (exit code 2). */
export function git(args: readonly string[], cwd: string): Buffer {
  try {
    return execFileSync('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError('`git` was not found; comparing revisions needs git');
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim().split('\n')[0];
    throw new UsageError(`\`git ${args.join(' ')}\` failed${stderr ? `: ${stderr}` : ''}`);
  }
}
