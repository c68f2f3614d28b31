// zod, set up once for every schema of the project: every module that defines a schema takes `z`
// from here, so that the setting holds before any schema is made. In a page, without compiled
// checks: zod would otherwise try `new Function` to learn whether it may compile them, which the
// site's content security policy forbids (a violation, reported, each time a page loads zod), and
// it then checks the same way as this anyway. The admin page's import workers and the command line
// run under no such policy, and keep the compiled checks (about a fifth faster on a cohort).
import { z } from 'zod';

if (typeof document !== 'undefined') z.config({ jitless: true });

export { z };
