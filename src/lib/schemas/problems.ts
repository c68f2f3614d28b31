import type { z } from 'zod';

/** `messages[2].at` from `['messages', 2, 'at']`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
}

/**
 * One line per problem, each naming the field path and what is wrong, in the order zod found
 * them: `messages[2].at: must not be before messages[1].at`. Unknown fields get a line each.
 */
export function formatIssues(error: z.ZodError, input?: unknown): string[] {
  const lines: string[] = [];
  const at = (path: readonly PropertyKey[]) => formatPath(path) || '(top level)';
  const missing = (path: readonly PropertyKey[]) => {
    let v: unknown = input;
    for (const key of path) {
      if (v === null || typeof v !== 'object') return false;
      v = (v as Record<PropertyKey, unknown>)[key];
    }
    return v === undefined;
  };
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) lines.push(`${at([...issue.path, key])}: is not a field of this format (a typo?)`);
    } else if (issue.code !== 'custom' && input !== undefined && missing(issue.path)) {
      lines.push(`${at(issue.path)}: is required`);
    } else if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
      lines.push(`${at(issue.path)}: is required`);
    } else {
      lines.push(`${at(issue.path)}: ${issue.message.replace(/^Invalid input: /, '')}`);
    }
  }
  return lines;
}
